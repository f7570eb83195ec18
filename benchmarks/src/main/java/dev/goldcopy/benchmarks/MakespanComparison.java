package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.CallOutcome;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The side-by-side makespan comparison on the simulated array: Goldcopy's executor against the
 * competent baselines (the parallel script, pipelined and not; the reactive strategy of Cinder's
 * Unity driver; sequential copies as a floor) and the lower bound from the array model, on the
 * scenarios of {@link #scenarios()}. Each strategy runs on a fresh array with the same profile and
 * seed and no faults, and is checked afterwards from the array's own records. Virtual time is
 * deterministic, so one run gives the makespans; the wall time of each simulated run is the median
 * of a few. Prints Markdown ({@link ComparisonReport}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.goldcopy.benchmarks.MakespanComparison [runs]} (default 3 runs of each). Exits with status 1
 * if a strategy that finished left the demand incorrectly provisioned.
 */
public final class MakespanComparison {
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final GroupId GROUP = GroupId.of("win11-2026.11");
  private static final StoreRef STORE = new StoreRef(TenantId.of("acme"), StoreId.of("pool-1"));

  private MakespanComparison() {}

  /**
   * One comparison: a profile, a number of VMs and an image.
   *
   * @param name what the scenario shows, for the report
   * @param profile the simulated array's vendor profile
   * @param vms how many VMs to provision
   * @param imageBytes the golden image's size
   * @param seed the simulator's seed
   */
  public record Scenario(String name, VendorProfile profile, int vms, long imageBytes, long seed) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if {@code name} or {@code profile} is null
     * @throws IllegalArgumentException naming the field if a number is not positive
     */
    public Scenario {
      requireNonNull(name, "name");
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
   * The scenarios and their results, side by side.
   *
   * @param scenario the scenario
   * @param capabilities what the array declared
   * @param bound the lower bound
   * @param rows one per strategy, Goldcopy's first
   */
  record Result(
      Scenario scenario, ArrayCapabilities capabilities, LowerBound bound, List<ComparisonRow> rows) {}

  /**
   * Runs the comparison and prints it.
   *
   * @param args optional: how many times each strategy runs, for the wall-time median (default 3)
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    PrintStream out = System.out;
    List<Result> results = new ArrayList<>();
    boolean allCorrect = true;
    for (Scenario scenario : scenarios()) {
      Result result = compare(scenario, contenders(), runs);
      results.add(result);
      ComparisonReport.scenario(result, out);
      for (ComparisonRow row : result.rows()) {
        allCorrect &= row.failure() != null || row.check().passed();
      }
    }
    ComparisonReport.summary(results, out);
    if (!allCorrect) {
      System.exit(1);
    }
  }

  /**
   * Returns the scenarios of the comparison: the README's, 3PAR's, two where sources contend, and
   * one where the array's bandwidth is full from the first second.
   *
   * @return the scenarios, in report order
   */
  public static List<Scenario> scenarios() {
    return List.of(
        new Scenario(
            "README: Dell ME4 large pools, 2,000 VMs", VendorProfile.DELL_ME4_LARGE_POOLS, 2000,
            40 * GIB, 42),
        new Scenario("HPE 3PAR, 1,234 VMs", VendorProfile.HPE_3PAR, 1234, 40 * GIB, 42),
        new Scenario(
            "sources contend: ME4 large pools, a source read at 1 GiB/s, 2,000 VMs",
            readLimited(VendorProfile.DELL_ME4_LARGE_POOLS, 1024 * MIB),
            2000,
            40 * GIB,
            42),
        new Scenario(
            "sources contend: ME4 large pools, a source read at 512 MiB/s, 2,000 VMs",
            readLimited(VendorProfile.DELL_ME4_LARGE_POOLS, 512 * MIB),
            2000,
            40 * GIB,
            42),
        new Scenario(
            "bandwidth full from the start: EMC VNX, 2,000 VMs", VendorProfile.EMC_VNX, 2000,
            40 * GIB, 42));
  }

  /**
   * Returns {@code profile} with a per-source read limit: a what-if, since vendors publish no such
   * figure (see {@link LatencyModel}).
   *
   * @param profile the profile to change
   * @param bytesPerSecond the rate all copies reading one source share
   * @return the changed profile
   */
  static VendorProfile readLimited(VendorProfile profile, long bytesPerSecond) {
    return profile.toBuilder()
        .name(profile.name() + ", source read " + bytesPerSecond / MIB + " MiB/s")
        .latency(profile.latency().toBuilder().perSourceReadBytesPerSecond(bytesPerSecond).build())
        .build();
  }

  /**
   * Returns the strategies compared, in table order: Goldcopy's first, then Goldcopy through an
   * adapter that does not say how many copies a source feeds, then the baselines.
   *
   * @return the contenders
   */
  public static List<Contender> contenders() {
    return List.of(
        Contender.plannedExecutor(),
        Contender.plannedExecutorSilentOnSourceReads(),
        Contender.parallelScript(true),
        Contender.parallelScript(false),
        Contender.fanOutTree(),
        Contender.reactive(),
        Contender.sequential());
  }

  /**
   * Runs every contender on {@code scenario}.
   *
   * @param scenario the scenario
   * @param contenders the strategies to run
   * @param runs how many times each runs, for the wall-time median; positive
   * @return the results
   */
  static Result compare(Scenario scenario, List<Contender> contenders, int runs) {
    SimulatedArray probe = freshArray(scenario);
    ArrayCapabilities capabilities =
        probe.await(probe.capabilities(probe.addStore(STORE.tenant(), STORE.store())));
    int limit = capabilities.maxVirtualCopiesPerSource();
    LowerBound bound =
        LowerBound.of(
            ArrayTimeModel.of(scenario.profile()), scenario.vms(), limit, scenario.imageBytes());
    List<ComparisonRow> rows = new ArrayList<>();
    for (Contender contender : contenders) {
      rows.add(run(scenario, contender, bound, limit, runs));
    }
    return new Result(scenario, capabilities, bound, rows);
  }

  /**
   * Runs one contender {@code runs} times on fresh arrays and checks the result.
   *
   * @param scenario the scenario
   * @param contender the strategy
   * @param bound the scenario's lower bound
   * @param perSourceLimit the array's per-source limit
   * @param runs how many times to run it; positive
   * @return the row, with the median wall time
   * @throws IllegalStateException if two runs give different makespans
   */
  static ComparisonRow run(
      Scenario scenario, Contender contender, LowerBound bound, int perSourceLimit, int runs) {
    List<Long> walls = new ArrayList<>();
    ComparisonRow first = null;
    for (int i = 0; i < runs; i++) {
      ComparisonRow row = runOnce(scenario, contender, bound, perSourceLimit);
      if (first != null && !first.makespan().equals(row.makespan())) {
        throw new IllegalStateException(
            contender.name() + " ran " + first.makespan() + " then " + row.makespan());
      }
      if (first == null) {
        first = row;
      }
      walls.add(row.wallNanos());
    }
    requireNonNull(first, "runs must be positive");
    Collections.sort(walls);
    long median = walls.get(walls.size() / 2);
    return new ComparisonRow(
        first.strategy(),
        first.makespan(),
        first.ratioToBound(),
        first.arrayCalls(),
        first.limitRefusals(),
        first.check(),
        median,
        first.failure(),
        first.baseline());
  }

  private static ComparisonRow runOnce(
      Scenario scenario, Contender contender, LowerBound bound, int perSourceLimit) {
    SimulatedArray sim = freshArray(scenario);
    StoreRef store = sim.addStore(STORE.tenant(), STORE.store());
    Container origin = sim.createOrigin(store, "golden-win11", IMAGE, GROUP, scenario.imageBytes());
    Demand demand = Demand.of(IMAGE, "vm", scenario.vms());
    Duration start = sim.elapsed();
    long wallStart = System.nanoTime();
    String failure = null;
    try {
      CompletableFuture<?> done = contender.start(sim, store, origin, demand);
      sim.await(done);
    } catch (RuntimeException e) {
      failure = describe(e);
    }
    long wall = System.nanoTime() - wallStart;
    Duration makespan = sim.elapsed().minus(start);
    sim.setFaults(FaultPlan.none());
    Inventory inventory = sim.await(sim.inventory(store));
    SimulationRecords records = sim.records();
    long calls = records.calls().size();
    long refusals =
        records.calls().stream()
            .map(CallRecord::outcome)
            .filter(outcome -> outcome == CallOutcome.LIMIT_REACHED)
            .count();
    ProvisioningCheck check =
        ProvisioningCheck.inspect(
            records, inventory, origin, demand, perSourceLimit, contender::cloneName);
    double ratio =
        bound.value().isZero()
            ? (makespan.isZero() ? 1.0 : Double.POSITIVE_INFINITY)
            : seconds(makespan) / seconds(bound.value());
    return new ComparisonRow(
        contender.name(), makespan, ratio, calls, refusals, check, wall, failure,
        contender.baseline());
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static SimulatedArray freshArray(Scenario scenario) {
    return SimulatedArray.builder()
        .profile(scenario.profile())
        .seed(scenario.seed())
        .faults(FaultPlan.none())
        .recordCalls(true)
        .build();
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
