package dev.goldcopy.examples.real;

import dev.goldcopy.execute.ExecutionHandle;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.ProgressSnapshot;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.execute.VmOutcome;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fleet demo on real storage, in real time: finds or makes the golden image's origin in the
 * demo's own store, plans, provisions (or, with {@code --remove}, removes what earlier runs made),
 * and checks the store as the storage itself reports it afterwards.
 */
public final class RealBackendDemo {
  static final ContentId IMAGE = ContentId.of("demo-golden", "1");
  static final GroupId GROUP = GroupId.of("demo-golden");
  static final String ORIGIN_NAME = "demo-golden";
  private static final long PROGRESS_SECONDS = 5;

  private RealBackendDemo() {}

  /**
   * Runs the demo on the storage the options name and reports on {@code out}.
   *
   * @param options what to run, and where
   * @param out where to report
   * @return true if every VM was provisioned (or everything removed) and every check held
   */
  public static boolean run(RealOptions options, PrintStream out) {
    try (RealStore store = RealStore.open(options)) {
      return run(options, store, out);
    } catch (RuntimeException e) {
      out.println("goldcopy-demo: " + e.getMessage());
      return false;
    } catch (Exception e) {
      out.println("goldcopy-demo: could not close the adapter: " + e);
      return false;
    }
  }

  private static boolean run(RealOptions options, RealStore store, PrintStream out) {
    ArrayAdapter adapter = store.adapter();
    RealStore.Origin origin =
        store.origin(IMAGE, GROUP, ORIGIN_NAME, (long) options.imageMib() << 20);
    Demand demand = options.remove() ? Demand.none() : Demand.of(IMAGE, "vm", options.vms());
    out.printf(
        Locale.ROOT,
        "Goldcopy fleet demo on the %s, store %s: %s%n",
        options.backend().describe(),
        RealStore.PLACE,
        options.remove()
            ? "removing every clone and replica earlier runs made"
            : String.format(
                Locale.ROOT, "%,d VMs, %d clones per master declared", options.vms(),
                options.perSource()));
    out.println(
        (origin.madeNow() ? "Made an empty origin " : "Using the origin ")
            + origin.container().name() + " (" + (origin.container().sizeBytes() >> 20) + " MiB)");
    out.println();

    // --remove is the user's explicit approval of deleting every clone the demo made.
    DeletionApproval approval = options.remove() ? DeletionApproval.all() : DeletionApproval.none();
    ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(PlanningPolicy.defaults());
    ReplicationPlan plan =
        planner.plan(
            new PlanningInput(
                    RealStore.STORE,
                    RealStore.await(adapter.capabilities(RealStore.STORE).toCompletableFuture()),
                    RealStore.await(adapter.inventory(RealStore.STORE).toCompletableFuture()),
                    demand)
                .withDeletionApproval(approval));
    out.println(plan.explain());
    out.println();

    ReplicationExecutor executor = ReplicationExecutor.builder(adapter).planner(planner).build();
    long started = System.nanoTime();
    ExecutionHandle run = executor.start(RealStore.STORE, demand, approval);
    ExecutionResult result = awaitWithProgress(run, out, started);
    Duration wall = Duration.ofNanos(System.nanoTime() - started);

    Inventory after = RealStore.await(adapter.inventory(RealStore.STORE).toCompletableFuture());
    List<String> problems = StoreChecks.problems(after, demand, result, options.perSource());
    long provisioned =
        result.vms().values().stream()
            .filter(v -> v instanceof VmOutcome.Provisioned || v instanceof VmOutcome.AlreadyThere)
            .count();
    out.println();
    out.printf(Locale.ROOT, "  %-18s %s%n", "outcome", result.outcome());
    out.printf(Locale.ROOT, "  %-18s %d of %d%n", "VMs provisioned", provisioned, demand.size());
    out.printf(Locale.ROOT, "  %-18s %s%n", "in the store", StoreChecks.describe(after));
    out.printf(Locale.ROOT, "  %-18s %.1f s%n", "wall time", wall.toMillis() / 1000.0);
    out.printf(Locale.ROOT, "  %-18s %d%n", "retries", result.totals().retries());
    if (problems.isEmpty()) {
      out.println(
          "Done: the store holds what was asked, every master within its limit, nothing half-made.");
      return true;
    }
    problems.forEach(p -> out.println("  FAIL " + p));
    return false;
  }

  private static ExecutionResult awaitWithProgress(
      ExecutionHandle run, PrintStream out, long started) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "goldcopy-demo-progress");
              t.setDaemon(true);
              return t;
            });
    try {
      ticker.scheduleAtFixedRate(
          () -> printProgress(run.progress(), out, started),
          PROGRESS_SECONDS,
          PROGRESS_SECONDS,
          TimeUnit.SECONDS);
      return RealStore.await(run.result().toCompletableFuture());
    } finally {
      ticker.shutdownNow();
    }
  }

  private static void printProgress(ProgressSnapshot p, PrintStream out, long started) {
    out.printf(
        Locale.ROOT,
        "  %5.0f s  replicas %d/%d  clones %d/%d  deletions %d/%d%n",
        (System.nanoTime() - started) / 1e9,
        p.replicas().done(),
        p.replicas().total(),
        p.clones().done(),
        p.clones().total(),
        p.deletions().done(),
        p.deletions().total());
  }
}
