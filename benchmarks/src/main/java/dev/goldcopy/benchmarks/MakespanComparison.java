package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.Outcome;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The side-by-side makespan comparison on the simulated array: the planned fan-out executor against
 * the reactive baseline (a), the sequential-copy baseline (b) and the lower bound from the array
 * model (c). Each strategy runs on a fresh array with the same profile and seed and no faults, and
 * is checked afterwards from the array's own records. Prints Markdown.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.goldcopy.benchmarks.MakespanComparison}. Exits with status 1 if a run was incorrect.
 */
public final class MakespanComparison {
  private static final long GIB = 1L << 30;
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final GroupId GROUP = GroupId.of("win11-2026.11");
  private static final StoreRef STORE = new StoreRef(TenantId.of("acme"), StoreId.of("pool-1"));

  private MakespanComparison() {}

  /**
   * One comparison: a profile, a number of VMs and an image.
   *
   * @param profile the simulated array's vendor profile
   * @param vms how many VMs to provision
   * @param imageBytes the golden image's size
   * @param seed the simulator's seed
   */
  public record Scenario(VendorProfile profile, int vms, long imageBytes, long seed) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if {@code profile} is null
     * @throws IllegalArgumentException naming the field if a number is not positive
     */
    public Scenario {
      requireNonNull(profile, "profile");
      if (vms < 1) {
        throw new IllegalArgumentException("vms must be positive: " + vms);
      }
      if (imageBytes < 1) {
        throw new IllegalArgumentException("imageBytes must be positive: " + imageBytes);
      }
    }
  }

  /**
   * Runs the comparison's scenarios and prints one Markdown table each.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    List<Scenario> scenarios =
        List.of(
            new Scenario(VendorProfile.DELL_ME4_LARGE_POOLS, 2000, 40 * GIB, 42),
            new Scenario(VendorProfile.DELL_ME4_LARGE_POOLS, 500, 40 * GIB, 42),
            new Scenario(VendorProfile.EMC_VNX, 2000, 40 * GIB, 42),
            new Scenario(oneStreamAtFullBandwidth(VendorProfile.DELL_ME4_LARGE_POOLS), 2000,
                40 * GIB, 42));
    boolean allCorrect = true;
    PrintStream out = System.out;
    for (Scenario scenario : scenarios) {
      allCorrect &= report(scenario, contenders(), out);
    }
    if (!allCorrect) {
      System.exit(1);
    }
  }

  /**
   * Returns {@code profile} with a latency model in which one copy alone can use the whole copy
   * bandwidth: a sensitivity case, where copying in parallel gains nothing over copying one after
   * another, so only the pipelining of clones behind copies separates the strategies.
   *
   * @param profile the profile to change
   * @return the changed profile
   */
  static VendorProfile oneStreamAtFullBandwidth(VendorProfile profile) {
    LatencyModel latency = profile.latency();
    return profile.toBuilder()
        .name(profile.name() + ", one copy stream at the full bandwidth")
        .latency(
            latency.toBuilder()
                .perStreamBytesPerSecond(latency.aggregateBytesPerSecond())
                .build())
        .build();
  }

  /**
   * Returns the strategies compared, in table order.
   *
   * @return the contenders
   */
  public static List<Contender> contenders() {
    return List.of(
        Contender.plannedExecutor(),
        Contender.reactive(ReactiveStrategy.CopySource.ORIGIN),
        Contender.reactive(ReactiveStrategy.CopySource.NEWEST_MASTER),
        Contender.sequential());
  }

  /**
   * Runs every contender on {@code scenario} and prints the table.
   *
   * @param scenario the scenario
   * @param contenders the strategies to run
   * @param out where the Markdown goes
   * @return true if every run was correct
   */
  static boolean report(Scenario scenario, List<Contender> contenders, PrintStream out) {
    SimulatedArray probe = freshArray(scenario);
    ArrayCapabilities capabilities =
        probe.await(probe.capabilities(probe.addStore(STORE.tenant(), STORE.store())));
    LowerBound bound =
        LowerBound.of(
            ArrayTimeModel.of(scenario.profile()),
            scenario.vms(),
            capabilities.maxVirtualCopiesPerSource(),
            scenario.imageBytes());
    List<ComparisonRow> rows = new ArrayList<>();
    for (Contender contender : contenders) {
      rows.add(run(scenario, contender, bound, capabilities.maxVirtualCopiesPerSource()));
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "### %,d VMs on %s: L = %d, %d concurrent copies, %d concurrent clones, %d GiB image%n%n",
        scenario.vms(),
        scenario.profile(),
        capabilities.maxVirtualCopiesPerSource(),
        capabilities.maxConcurrentPhysicalCopies(),
        capabilities.maxConcurrentVirtualCopies(),
        scenario.imageBytes() / GIB);
    out.println(
        "| strategy | simulated makespan | ratio to (c) | replicas | clones | array calls"
            + " | limit refusals | correct |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---|");
    boolean allCorrect = true;
    for (ComparisonRow row : rows) {
      allCorrect &= row.check().passed();
      out.printf(
          Locale.ROOT,
          "| %s | %s | %.3f | %,d | %,d | %,d | %,d | %s |%n",
          row.strategy(),
          format(row.makespan()),
          row.ratioToBound(),
          row.check().replicas(),
          row.check().clones(),
          row.arrayCalls(),
          row.limitRefusals(),
          row.check().passed() ? "yes" : "NO: " + String.join("; ", row.check().problems()));
    }
    out.printf(
        Locale.ROOT,
        "| (c) lower bound (%s) | %s | 1.000 | %,d | %,d | | | |%n%n",
        bound.dominantTerm(),
        format(bound.value()),
        bound.replicas(),
        scenario.vms());
    out.printf(
        Locale.ROOT,
        "Lower bound terms: copy bandwidth %s, clone concurrency %s, critical path %s"
            + " (the two-term bound alone: %s).%n",
        format(bound.copyTerm()),
        format(bound.cloneTerm()),
        format(bound.criticalPathTerm()),
        format(bound.twoTermBound()));
    ComparisonRow planned = rows.get(0);
    for (ComparisonRow row : rows.subList(1, rows.size())) {
      out.printf(
          Locale.ROOT,
          "%s is %.2fx the planned executor's makespan.%n",
          row.strategy(),
          seconds(row.makespan()) / seconds(planned.makespan()));
    }
    return allCorrect;
  }

  /**
   * Runs one contender on a fresh array and checks the result.
   *
   * @param scenario the scenario
   * @param contender the strategy
   * @param bound the scenario's lower bound
   * @param perSourceLimit the array's per-source limit
   * @return the row
   */
  static ComparisonRow run(
      Scenario scenario, Contender contender, LowerBound bound, int perSourceLimit) {
    SimulatedArray sim = freshArray(scenario);
    StoreRef store = sim.addStore(STORE.tenant(), STORE.store());
    Container origin = sim.createOrigin(store, "golden-win11", IMAGE, GROUP, scenario.imageBytes());
    Demand demand = Demand.of(IMAGE, "vm", scenario.vms());
    Duration start = sim.elapsed();
    CompletableFuture<?> done = contender.start(sim, store, origin, demand);
    sim.await(done);
    Duration makespan = sim.elapsed().minus(start);
    Inventory inventory = sim.await(sim.inventory(store));
    SimulationRecords records = sim.records();
    long calls = records.calls().size();
    long refusals =
        records.calls().stream()
            .map(CallRecord::outcome)
            .filter(outcome -> outcome == Outcome.LIMIT_REACHED)
            .count();
    ProvisioningCheck check =
        ProvisioningCheck.inspect(
            records, inventory, origin, demand, perSourceLimit, contender::cloneName);
    double ratio =
        bound.value().isZero()
            ? (makespan.isZero() ? 1.0 : Double.POSITIVE_INFINITY)
            : seconds(makespan) / seconds(bound.value());
    return new ComparisonRow(contender.name(), makespan, ratio, calls, refusals, check);
  }

  private static SimulatedArray freshArray(Scenario scenario) {
    return SimulatedArray.builder()
        .profile(scenario.profile())
        .seed(scenario.seed())
        .faults(FaultPlan.none())
        .recordCalls(true)
        .build();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  /**
   * Formats a duration as seconds with one decimal and as hours, minutes and seconds.
   *
   * @param duration the duration
   * @return for example {@code 10,082.0 s (2 h 48 min)} or {@code 62.5 s}
   */
  static String format(Duration duration) {
    String seconds = String.format(Locale.ROOT, "%,.1f s", seconds(duration));
    if (duration.compareTo(Duration.ofHours(1)) >= 0) {
      return String.format(
          Locale.ROOT, "%s (%d h %02d min)", seconds, duration.toHours(), duration.toMinutesPart());
    }
    if (duration.compareTo(Duration.ofMinutes(1)) >= 0) {
      return String.format(
          Locale.ROOT,
          "%s (%d min %02d s)",
          seconds,
          duration.toMinutes(),
          duration.toSecondsPart());
    }
    return seconds;
  }
}
