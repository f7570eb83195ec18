package dev.goldcopy.examples.fleet;

import dev.goldcopy.examples.real.RealBackendDemo;
import dev.goldcopy.examples.real.RealOptions;
import dev.goldcopy.execute.ExecutionHandle;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.ExecutionTotals;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ProgressSnapshot;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.execute.VmOutcome;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanSummary;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.FaultKind;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The main job: plans and provisions a fleet of VMs from one golden image on a simulated array,
 * with faults injected, then checks the invariants of docs/design.md on the result.
 *
 * <p>Run it with {@code ./goldcopy-demo} from the repository's root ({@code --help} for options).
 * Exit codes: 0 when every VM is provisioned and every invariant holds, 1 when not, 2 on bad
 * options.
 */
public final class FleetDemo {
  private static final ContentId IMAGE = ContentId.of("win11-vdi", "2026.11");
  private static final Duration PROGRESS_TICK = Duration.ofMinutes(1);

  private FleetDemo() {}

  /**
   * Runs the demo.
   *
   * @param args the command line; see {@link FleetOptions#usage()}
   */
  public static void main(String[] args) {
    FleetOptions options;
    try {
      options = FleetOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("goldcopy-demo: " + e.getMessage());
      System.err.println(FleetOptions.usage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(FleetOptions.usage());
      return;
    }
    // Java 17 has no console when output is redirected: plain lines for logs and CI.
    @SuppressWarnings("SystemConsoleNull")
    boolean terminal = System.console() != null;
    RealOptions real = options.real();
    boolean ok = real != null ? RealBackendDemo.run(real, System.out) : switch (options.scenario()) {
      case "roll" -> RollDemo.run(options, System.out);
      case "fleet" -> PlacementDemo.run(options, System.out);
      default -> run(options, System.out, terminal);
    };
    System.exit(ok ? 0 : 1);
  }

  /**
   * Provisions the fleet the options describe and reports on {@code out}.
   *
   * @param options what to run
   * @param out where to report
   * @param terminal whether {@code out} is a terminal (live progress bar) or not (plain lines)
   * @return true if every VM was provisioned and every invariant held
   */
  public static boolean run(FleetOptions options, PrintStream out, boolean terminal) {
    FaultPlan faults =
        options.faultRate() == 0
            ? FaultPlan.none()
            : FaultPlan.builder()
                .transientBusyRate(options.faultRate())
                .lostResponseRate(options.faultRate())
                .incompleteCopyRate(options.faultRate())
                .latencySpikeRate(options.faultRate())
                .build();
    SimulatedArray array =
        SimulatedArray.builder()
            .profile(options.profile())
            .seed(options.seed())
            .faults(faults)
            .recordCalls(false)
            .build();
    StoreRef store = array.addStore(TenantId.of("acme"), StoreId.of("vdi-pool-1"));
    array.createOrigin(
        store, "win11-golden", IMAGE, GroupId.of("win11-2026-11"), (long) options.imageGib() << 30);
    Demand demand = Demand.of(IMAGE, "vm", options.vms());

    out.printf(
        Locale.ROOT,
        "Goldcopy fleet demo: %,d VMs from one %d GiB golden image on a simulated %s,"
            + " fault rate %.0f%% per kind, seed %d%n%n",
        options.vms(),
        options.imageGib(),
        options.profile().name(),
        options.faultRate() * 100,
        options.seed());

    ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(PlanningPolicy.defaults());
    ArrayCapabilities capabilities = array.await(array.capabilities(store));
    ReplicationPlan plan =
        planner.plan(
            new PlanningInput(store, capabilities, array.await(array.inventory(store)), demand));
    out.println(plan.explain());
    out.println();

    ReplicationExecutor executor =
        ReplicationExecutor.builder(array)
            .planner(planner)
            .executor(Runnable::run)
            .scheduler(array::schedule)
            .clock(array.clock())
            .build();
    ProgressView view = new ProgressView(out, terminal);
    ExecutionHandle run = executor.start(store, demand);
    scheduleProgress(array, run, view);
    ExecutionResult result = array.await(run.result());
    showProgress(array, run.progress(), view);
    view.finish();

    SimulationRecords records = array.records();
    Inventory inventory = array.await(array.inventory(store));
    Set<VmId> shortVms = new HashSet<>();
    result.shortfalls().forEach(shortfall -> shortVms.addAll(shortfall.vms()));
    List<InvariantCheck> checks =
        FleetInvariants.check(inventory, demand, shortVms, capabilities, records);
    printSummary(out, plan.summary(), result, records, inventory);
    out.println();
    out.println("Invariants checked:");
    boolean allHeld = true;
    for (InvariantCheck check : checks) {
      out.printf(
          Locale.ROOT, "  %s  %s: %s%n", check.passed() ? "ok  " : "FAIL", check.name(),
          check.detail());
      allHeld &= check.passed();
    }
    // Success: every VM provisioned, or reported short by the plan with the limit that binds.
    long unserved =
        result.vms().values().stream()
            .filter(v -> v instanceof VmOutcome.Failed || v instanceof VmOutcome.Unfinished)
            .count();
    boolean succeeded =
        unserved == 0
            && (result.outcome() == Outcome.SUCCEEDED || result.outcome() == Outcome.SHORT);
    out.println();
    if (succeeded && allHeld) {
      out.println(
          shortVms.isEmpty()
              ? "Done: every VM provisioned, every invariant held."
              : "Done: every VM the array can hold provisioned, " + shortVms.size()
                  + " reported short (see the plan above); every invariant held.");
    } else {
      out.println(
          "Not done: outcome " + result.outcome() + (allHeld ? "" : ", an invariant failed")
              + "; " + unserved + " VMs failed or unfinished; " + result.undone().size()
              + " steps undone.");
    }
    return succeeded && allHeld;
  }

  private static void scheduleProgress(
      SimulatedArray array, ExecutionHandle run, ProgressView view) {
    array.schedule(
        PROGRESS_TICK,
        () -> {
          if (!run.result().isDone()) {
            showProgress(array, run.progress(), view);
            scheduleProgress(array, run, view);
          }
        });
  }

  private static void showProgress(SimulatedArray array, ProgressSnapshot p, ProgressView view) {
    long done = (long) p.replicas().done() + p.clones().done() + p.deletions().done();
    long total = (long) p.replicas().total() + p.clones().total() + p.deletions().total();
    view.show(done, total, p.replicas().done(), p.clones().done(), array.elapsed());
  }

  private static void printSummary(
      PrintStream out,
      PlanSummary planned,
      ExecutionResult result,
      SimulationRecords records,
      Inventory inventory) {
    ExecutionTotals totals = result.totals();
    long provisioned =
        result.vms().values().stream()
            .filter(v -> v instanceof VmOutcome.Provisioned || v instanceof VmOutcome.AlreadyThere)
            .count();
    long masters = inventory.containers().stream().filter(Container::isMaster).count();
    long busy = records.faultCount(FaultKind.TRANSIENT_BUSY);
    long lost = records.faultCount(FaultKind.LOST_RESPONSE);
    long incomplete = records.faultCount(FaultKind.INCOMPLETE_COPY);
    out.println("Summary:");
    row(out, "outcome", result.outcome().toString());
    row(out, "VMs provisioned", provisioned + " of " + result.vms().size());
    row(out, "masters", masters + " (origin + " + (masters - 1) + " replicas; planned "
        + planned.replicas() + " replicas in " + planned.copyRounds() + " copy rounds)");
    row(out, "clones", planned.clones() + " planned, " + totals.clonesMade()
        + " counted made by the executor");
    row(out, "reconcile passes", Integer.toString(totals.rounds()));
    row(out, "simulated makespan", ProgressView.format(totals.elapsed()));
    row(out, "retries", Integer.toString(totals.retries()));
    row(out, "faults survived", (busy + lost + incomplete) + " (" + busy + " busy, " + lost
        + " lost responses, " + incomplete + " incomplete copies), and "
        + records.faultCount(FaultKind.LATENCY_SPIKE) + " latency spikes");
    row(out, "peak concurrent copies", Integer.toString(records.peakConcurrentPhysicalCopies()));
  }

  private static void row(PrintStream out, String name, String value) {
    out.printf(Locale.ROOT, "  %-24s %s%n", name, value);
  }
}
