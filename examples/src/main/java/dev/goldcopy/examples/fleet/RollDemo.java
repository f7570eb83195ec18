package dev.goldcopy.examples.fleet;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.roll.RollBatch;
import dev.goldcopy.roll.RollBounds;
import dev.goldcopy.roll.RollListener;
import dev.goldcopy.roll.RollPlan;
import dev.goldcopy.roll.RollPlanner;
import dev.goldcopy.roll.RollRequest;
import dev.goldcopy.roll.RollResult;
import dev.goldcopy.roll.RollRunner;
import dev.goldcopy.roll.TimeModel;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code roll} scenario: provisions the VMs on one image version, then rolls them to the next
 * in batches of at most a tenth of the VMs down at once and 16 masters of extra room, printing
 * the plan and each batch as it ends.
 */
final class RollDemo {
  static final ContentId FROM = ContentId.of("win11-vdi", "2026.10");
  static final ContentId TO = ContentId.of("win11-vdi", "2026.11");

  private RollDemo() {}

  static boolean run(FleetOptions options, PrintStream out) {
    SimulatedArray array = SimulatedArray.builder().profile(options.profile())
        .seed(options.seed()).recordCalls(false).build();
    StoreRef store = array.addStore(TenantId.of("acme"), StoreId.of("vdi-pool-1"));
    long image = (long) options.imageGib() << 30;
    array.createOrigin(store, "win11-2026-10", FROM, GroupId.of("win11-2026-10"), image);
    PlanningPolicy policy = PlanningPolicy.defaults();
    ReplicationExecutor executor = ReplicationExecutor.builder(array)
        .planner(ContainerReplicationPlanner.create(policy))
        .executor(Runnable::run).scheduler(array::schedule).clock(array.clock()).build();
    Demand demand = Demand.of(FROM, "vm", options.vms()).allRecreatable();
    out.printf(Locale.ROOT, "Goldcopy roll demo: %,d non-persistent VMs on a simulated %s, %s -> %s,"
        + " %d GiB images%n%n", options.vms(), options.profile().name(), FROM, TO,
        options.imageGib());
    ExecutionResult first = array.await(executor.start(store, demand).result());
    out.printf(Locale.ROOT, "Provisioned on %s: %s in %s simulated, %d masters.%n", FROM,
        first.outcome(), ProgressView.format(first.totals().elapsed()), masters(array, store));
    array.createOrigin(store, "win11-2026-11", TO, GroupId.of("win11-2026-11"), image);
    Duration rollStart = array.elapsed();

    RollBounds bounds = RollBounds.builder().maxDown(Math.max(1, options.vms() / 10))
        .maxExtraMasters(16).keepVersions(2).build();
    RollRequest request = new RollRequest(store, array.await(array.capabilities(store)),
        array.await(array.inventory(store)), demand, FROM, TO, bounds, TimeModel.defaults());
    RollPlan plan = RollPlanner.create(policy).plan(request);
    out.println();
    out.println(plan.explain());
    out.println();
    RollResult result = RollRunner.create(array, executor, policy, array::await)
        .run(plan, new RollListener() {
          @Override
          public void batchEnded(RollBatch batch, ExecutionResult r, boolean ok) {
            out.printf(Locale.ROOT, "  [%s] batch %d/%d %s: %,d of %,d VMs on %s, %d masters%n",
                ProgressView.format(array.elapsed().minus(rollStart)), batch.index() + 1,
                plan.batches().size(), ok ? "done" : "FAILED (" + r.outcome() + ")",
                batch.movedBefore() + batch.vms().size(), plan.order().size(), TO,
                masters(array, store));
          }
        });
    Inventory after = array.await(array.inventory(store));
    long onTo = after.containers().stream()
        .filter(c -> !c.isMaster() && c.content().equals(TO)).count();
    out.println();
    out.println(result.note());
    out.printf(Locale.ROOT, "Every VM on %s: %s (%,d of %,d); roll took %s simulated, the plan"
        + " expected %s.%n", TO, onTo == options.vms() ? "yes" : "NO", onTo, options.vms(),
        ProgressView.format(array.elapsed().minus(rollStart)), ProgressView.format(plan.expected()));
    return result.succeeded() && onTo == options.vms();
  }

  private static long masters(SimulatedArray array, StoreRef store) {
    return array.await(array.inventory(store)).containers().stream()
        .filter(Container::isMaster).count();
  }
}
