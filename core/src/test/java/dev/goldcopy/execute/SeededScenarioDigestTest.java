package dev.goldcopy.execute;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The executor's observable behaviour on seeded scenarios, pinned: for each seed, the results of
 * its runs, every event they emitted, their progress read after every simulator event, and the
 * simulator's whole call log are hashed and compared with {@code seeded-scenarios.digests}. The
 * scenarios cover crashes and resumes, cancels, deadlines, spent retries with either error policy,
 * racing executors and every vendor profile, all under injected faults.
 *
 * <p>A change that is meant to alter what the executor does changes some lines; regenerate the
 * file with {@code -Dgoldcopy.digests.write=PATH} and say in the commit which seeds changed and why.
 */
class SeededScenarioDigestTest {
  static final int SCENARIOS = 300;
  static final String RESOURCE = "seeded-scenarios.digests";

  @Test
  void everySeededScenarioBehavesAsRecorded() throws IOException {
    Map<Integer, String> now = new LinkedHashMap<>();
    for (int seed = 0; seed < SCENARIOS; seed++) {
      now.put(seed, scenario(seed));
    }
    String write = System.getProperty("goldcopy.digests.write");
    if (write != null) {
      Files.write(Path.of(write), now.values(), UTF_8);
    }
    Map<Integer, String> recorded = recorded();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<Integer, String> e : now.entrySet()) {
      String before = recorded.get(e.getKey());
      if (!e.getValue().equals(before)) {
        changed.add("was " + before + "\n  now " + e.getValue());
      }
    }
    assertThat(recorded).hasSize(SCENARIOS);
    assertThat(changed).as("scenarios that behave differently").isEmpty();
  }

  private static Map<Integer, String> recorded() throws IOException {
    Map<Integer, String> lines = new LinkedHashMap<>();
    try (InputStream in =
            requireNonNull(
                SeededScenarioDigestTest.class.getResourceAsStream(RESOURCE), RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.put(Integer.parseInt(line.substring(0, line.indexOf(' '))), line);
      }
    }
    return lines;
  }

  /** Runs one scenario and returns its line: seed, kind, outcomes, last totals, digests. */
  static String scenario(int seed) {
    SplittableRandom random = new SplittableRandom(seed * 7919L + 13);
    Kind kind = Kind.values()[seed % Kind.values().length];
    Recording rec = new Recording();
    int limit = 2 + random.nextInt(7);
    VendorProfile profile =
        kind == Kind.PROFILE
            ? SimScenario.PROFILES.get(random.nextInt(SimScenario.PROFILES.size()))
            : VendorProfile.builder("digest")
                .maxVirtualCopiesPerSource(limit)
                .maxConcurrentPhysicalCopies(1 + random.nextInt(4))
                .maxConcurrentVirtualCopies(2 + random.nextInt(15))
                .build();
    if (kind == Kind.PROFILE) {
      limit = Math.min(Math.max(profile.capabilities().maxVirtualCopiesPerSource(), 2), 12);
    }
    double rate = kind == Kind.STRICT ? 0.4 : 0.3;
    FaultPlan faults =
        FaultPlan.builder()
            .transientBusyRate(rate * random.nextDouble())
            .lostResponseRate(rate * random.nextDouble())
            .incompleteCopyRate(rate * random.nextDouble())
            .latencySpikeRate(0.1 * random.nextDouble())
            .build();
    SimScenario s = new SimScenario(profile, seed, faults);
    Demand before = SimScenario.demand(random.nextInt(3 * limit + 1));
    Demand after = SimScenario.demand(1 + random.nextInt(4 * limit + 2));
    if (random.nextBoolean()) {
      rec.run(s, builder(s, rec, random, kind), before, -1);
    }
    switch (kind) {
      case CRASH -> {
        for (int i = random.nextInt(4); i > 0; i--) {
          ExecutionRun doomed =
              (ExecutionRun) builder(s, rec, random, kind).build().start(s.store, after);
          for (int e = random.nextInt(200); e > 0 && !doomed.result().isDone() && s.sim.step(); e--) {
            // run the array until the crash
          }
          doomed.abandon();
        }
      }
      case CANCEL -> rec.run(s, builder(s, rec, random, kind), after, random.nextInt(25));
      case DEADLINE ->
          rec.run(
              s,
              builder(s, rec, random, kind).deadline(Duration.ofSeconds(1 + random.nextInt(60))),
              after,
              -1);
      case STRICT -> rec.run(s, builder(s, rec, random, kind), after, -1);
      case RACE -> {
        CompletableFuture<ExecutionResult> first =
            builder(s, rec, random, kind).build().start(s.store, after).result();
        for (int i = random.nextInt(20); i > 0 && s.sim.step(); i--) {
          // the second executor starts a little later, or at once
        }
        CompletableFuture<ExecutionResult> second =
            builder(s, rec, random, kind).build().start(s.store, after).result();
        rec.result(s.sim.await(first));
        rec.result(s.sim.await(second));
      }
      case PROFILE -> rec.run(s, builder(s, rec, random, kind), after, -1);
    }
    // whatever happened, a plain run afterwards
    rec.run(s, s.executor().listener(rec::event), after, -1);
    s.sim.runUntilIdle();
    for (CallRecord call : s.sim.records().calls()) {
      rec.calls.update(call.toString());
    }
    return seed + " " + kind + " " + rec.outcomes + " " + rec.lastTotals + " " + rec.digests();
  }

  private static ReplicationExecutor.Builder builder(
      SimScenario s, Recording rec, SplittableRandom random, Kind kind) {
    ReplicationExecutor.Builder b = s.executor().listener(rec::event);
    if (kind == Kind.STRICT) {
      b.retryPolicy(
          RetryPolicy.builder()
              .maxAttempts(1 + random.nextInt(3))
              .initialBackoff(Duration.ofMillis(500))
              .maxBackoff(Duration.ofSeconds(5))
              .seed(random.nextLong())
              .build());
      if (random.nextBoolean()) {
        b.errorPolicy(ErrorPolicy.STOP_AT_FIRST_ERROR);
      }
      if (random.nextBoolean()) {
        b.maxConcurrentVirtualCopies(1 + random.nextInt(3));
        b.maxConcurrentPhysicalCopies(1 + random.nextInt(2));
      }
    }
    return b;
  }

  private enum Kind {
    CRASH,
    CANCEL,
    DEADLINE,
    STRICT,
    RACE,
    PROFILE
  }

  /** What the runs of one scenario showed, hashed as it comes. */
  private static final class Recording {
    final Hash results = new Hash();
    final Hash events = new Hash();
    final Hash progress = new Hash();
    final Hash calls = new Hash();
    final StringBuilder outcomes = new StringBuilder();
    String lastTotals = "";

    void event(ExecutionEvent event) {
      events.update(event.toString());
    }

    /**
     * Runs to the end, reading progress after every simulator event; cancels the run after
     * {@code cancelAt} events unless that is negative.
     */
    void run(SimScenario s, ReplicationExecutor.Builder b, Demand demand, int cancelAt) {
      ExecutionHandle h = b.build().start(s.store, demand);
      int steps = 0;
      while (!h.result().isDone()) {
        if (steps++ == cancelAt) {
          h.cancel();
        }
        progress.update(h.progress().toString());
        if (!s.sim.step()) {
          break;
        }
      }
      progress.update(h.progress().toString());
      result(s.sim.await(h.result()));
    }

    void result(ExecutionResult r) {
      results.update(r.toString());
      outcomes.append(outcomes.length() == 0 ? "" : ",").append(r.outcome());
      ExecutionTotals t = r.totals();
      lastTotals =
          "r" + t.replicasMade() + "/c" + t.clonesMade() + "/d" + t.deletions() + "/t" + t.retries()
              + "/f" + t.faultsSeen() + "/n" + t.rounds() + "/" + t.elapsed();
    }

    String digests() {
      return "result=" + results + " events=" + events + " progress=" + progress + " calls=" + calls;
    }
  }

  /** A running SHA-256, shown as its first 12 hex digits. */
  private static final class Hash {
    private final MessageDigest digest;

    Hash() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void update(String text) {
      digest.update(text.getBytes(UTF_8));
      digest.update((byte) '\n');
    }

    @Override
    public String toString() {
      try {
        MessageDigest copy = (MessageDigest) digest.clone();
        return HexFormat.of().formatHex(copy.digest()).substring(0, 12);
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
