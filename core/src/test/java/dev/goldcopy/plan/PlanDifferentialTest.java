package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the planner's plans exactly as they were recorded: for each of {@value #SEEDS} seeds, a
 * {@link RandomPlanningCase} is planned and the SHA-256 of its {@link PlanCanon} text (every step
 * with its fields and dependencies in order, shortfalls, sizing, findings, {@code summary()} and
 * {@code explain()}, or the refusal) must equal the digest recorded in {@code
 * src/test/resources/dev/goldcopy/plan/plan-digests.txt}. A change that is meant to leave plans
 * alone (a refactoring, a speed-up) must pass it unchanged; the failure names the first seed that
 * differs and writes that seed's plan to {@code target/plan-differential/seed-N.txt}.
 *
 * <p>A change that is meant to change plans regenerates the record, from the core module's
 * directory, and commits it with the change:
 *
 * <pre>
 * mvn -B -q verify -pl core -am -Dtest=PlanDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgoldcopy.planDigests.write=true
 * </pre>
 *
 * Adding {@code -Dgoldcopy.planDigests.dump=DIR} also writes every seed's plan text to {@code
 * DIR/seed-N.txt}, to diff two versions of the planner seed by seed.
 */
class PlanDifferentialTest {
  static final int SEEDS = 5_000;
  private static final String RESOURCE = "plan-digests.txt";
  private static final Path SOURCE =
      Path.of("src", "test", "resources", "dev", "goldcopy", "plan", RESOURCE);

  @Test
  void plansMatchTheRecordedDigests() throws IOException {
    String dump = System.getProperty("goldcopy.planDigests.dump");
    if (Boolean.getBoolean("goldcopy.planDigests.write")) {
      List<String> lines = new ArrayList<>(SEEDS + 1);
      lines.add("# seed sha256(PlanCanon text); written by PlanDifferentialTest, see its javadoc");
      for (int seed = 0; seed < SEEDS; seed++) {
        String text = PlanCanon.of(RandomPlanningCase.of(seed));
        writeDump(dump, seed, text);
        lines.add(seed + " " + PlanCanon.digest(text));
      }
      Files.createDirectories(SOURCE.getParent());
      Files.write(SOURCE, lines, StandardCharsets.UTF_8);
      assertThat(Files.readAllLines(SOURCE)).hasSize(SEEDS + 1);
      return;
    }
    List<String> recorded = recordedDigests();
    assertThat(recorded).as("recorded digests").hasSize(SEEDS);
    for (int seed = 0; seed < SEEDS; seed++) {
      String text = PlanCanon.of(RandomPlanningCase.of(seed));
      writeDump(dump, seed, text);
      if (!PlanCanon.digest(text).equals(recorded.get(seed))) {
        Path out = Path.of("target", "plan-differential", "seed-" + seed + ".txt");
        Files.createDirectories(Objects.requireNonNull(out.getParent()));
        Files.writeString(out, text);
        throw new AssertionError("seed " + seed + ": the plan differs from the recorded one;"
            + " its plan now is in " + out.toAbsolutePath() + ", its input is"
            + " RandomPlanningCase.of(" + seed + "). Start of the plan now:\n"
            + text.substring(0, Math.min(text.length(), 3000)));
      }
    }
  }

  /** The cases reach every kind of step, shortfall and finding, and each refusal. */
  @Test
  void theCasesCoverThePlannersBranches() {
    Set<Shortfall.Limit> limits = EnumSet.noneOf(Shortfall.Limit.class);
    Set<Finding.Kind> findings = EnumSet.noneOf(Finding.Kind.class);
    Set<DeleteContainer.Cause> causes = EnumSet.noneOf(DeleteContainer.Cause.class);
    int refused = 0;
    int replicas = 0;
    int waitingOnDeletes = 0;
    for (int seed = 0; seed < SEEDS; seed += 2) {
      RandomPlanningCase c = RandomPlanningCase.of(seed);
      ReplicationPlan plan;
      try {
        plan = ContainerReplicationPlanner.create(c.policy()).plan(c.input());
      } catch (IllegalArgumentException e) {
        refused++;
        continue;
      }
      plan.shortfalls().forEach(s -> limits.add(s.limit()));
      plan.findings().forEach(f -> findings.add(f.kind()));
      for (PlanStep step : plan.steps()) {
        if (step instanceof DeleteContainer d) {
          causes.add(d.cause());
        } else if (step instanceof CreateReplica) {
          replicas++;
        } else if (step.dependsOn().stream().anyMatch(d -> d.startsWith("delete:"))) {
          waitingOnDeletes++;
        }
      }
    }
    // PER_SOURCE is not reached: sizing adds masters until the per-source limit leaves room.
    assertThat(limits).contains(
        Shortfall.Limit.ARRAY_TOTAL, Shortfall.Limit.CAPACITY, Shortfall.Limit.REPLICA_CAP);
    // The random stores hold only the owner's containers; OwnershipPlanningTest covers the kinds
    // that foreign, adopted, persistent and malformed ones bring.
    assertThat(findings).containsAll(EnumSet.complementOf(EnumSet.of(Finding.Kind.FOREIGN_ON_MASTER,
        Finding.Kind.RECOMPOSE_DUE, Finding.Kind.NAME_TAKEN, Finding.Kind.ADOPTED, Finding.Kind.MALFORMED_GROUP)));
    assertThat(causes).containsExactlyInAnyOrder(DeleteContainer.Cause.values());
    assertThat(refused).isLessThan(SEEDS / 10);
    assertThat(replicas).isGreaterThan(SEEDS);
    assertThat(waitingOnDeletes).isGreaterThan(SEEDS / 10);
  }

  private static void writeDump(@org.jspecify.annotations.Nullable String dir, int seed,
      String text) throws IOException {
    if (dir != null) {
      Path out = Path.of(dir, "seed-" + seed + ".txt");
      Files.createDirectories(Objects.requireNonNull(out.getParent()));
      Files.writeString(out, text);
    }
  }

  private static List<String> recordedDigests() {
    InputStream in = PlanDifferentialTest.class.getResourceAsStream(RESOURCE);
    assertThat(in).as("resource %s (regenerate it, see the javadoc)", RESOURCE).isNotNull();
    List<String> digests = new ArrayList<>(SEEDS);
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = line.indexOf(' ');
        assertThat(Integer.parseInt(line.substring(0, space))).isEqualTo(digests.size());
        digests.add(line.substring(space + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digests;
  }
}
