package dev.goldcopy.examples.fleet;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.fleet.FleetConstraints;
import dev.goldcopy.fleet.FleetPlan;
import dev.goldcopy.fleet.FleetPlanner;
import dev.goldcopy.fleet.FleetStore;
import dev.goldcopy.fleet.StoreShare;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fleet} scenario: places the VMs across 8 stores on three simulated arrays (3 stores
 * on a Dell ME4 with large pools, 3 on an HPE 3PAR weighted 2, 2 on an EMC VNX), with a tenth of
 * the VMs allowed only on the ME4 stores and two anti-affinity groups of 6, then provisions each
 * store's share with the executor.
 */
final class PlacementDemo {
  private static final ContentId IMAGE = ContentId.of("win11-vdi", "2026.11");

  private PlacementDemo() {}

  static boolean run(FleetOptions options, PrintStream out) {
    long image = (long) options.imageGib() << 30;
    Map<StoreRef, SimulatedArray> arrayOf = new HashMap<>();
    List<FleetStore> stores = new ArrayList<>();
    addStores(arrayOf, stores, VendorProfile.DELL_ME4_LARGE_POOLS, "me4", 3, 1, image, options);
    addStores(arrayOf, stores, VendorProfile.HPE_3PAR, "3par", 3, 2, image, options);
    addStores(arrayOf, stores, VendorProfile.EMC_VNX, "vnx", 2, 1, image, options);
    Demand demand = Demand.of(IMAGE, "vm", options.vms()).allRecreatable();
    FleetConstraints constraints = constraints(demand, stores);
    out.printf(Locale.ROOT, "Goldcopy fleet placement demo: %,d VMs across %d stores on 3 simulated"
        + " arrays (ME4 large pools L = 8, 3PAR L = 500 weighted 2, VNX L = 16); %,d VMs allowed"
        + " only on the ME4 stores; two anti-affinity groups of 6%n%n", options.vms(),
        stores.size(), options.vms() / 10);
    PlanningPolicy policy = PlanningPolicy.defaults();
    long t0 = System.nanoTime();
    FleetPlan plan = FleetPlanner.create(policy).plan(stores, demand, constraints);
    long planMs = (System.nanoTime() - t0) / 1_000_000;
    out.println(plan.explain());
    out.println("  (planned in " + planMs + " ms of wall time)");
    out.println("  " + plan.explain(VmId.of("vm-00001")));
    out.println("  " + plan.explain(VmId.of(String.format(Locale.ROOT, "vm-%05d", options.vms()))));
    out.println();
    boolean allOk = true;
    for (StoreShare share : plan.shares()) {
      SimulatedArray array = java.util.Objects.requireNonNull(arrayOf.get(share.store()), "array");
      ReplicationExecutor executor = ReplicationExecutor.builder(array)
          .planner(ContainerReplicationPlanner.create(policy))
          .executor(Runnable::run).scheduler(array::schedule).clock(array.clock()).build();
      ExecutionResult r = array.await(executor.start(share.store(), share.demand()).result());
      long made = r.vms().values().stream()
          .filter(v -> v instanceof dev.goldcopy.execute.VmOutcome.Provisioned).count();
      out.printf(Locale.ROOT, "  %-16s %s: %,d VMs provisioned, %d replicas made%n",
          share.store(), r.outcome(), made, r.totals().replicasMade());
      allOk &= r.outcome() == Outcome.SUCCEEDED && made == share.demand().size();
    }
    out.println();
    out.println(allOk && plan.unplaced().isEmpty()
        ? "Done: every VM placed and provisioned, within every store's limits."
        : "Not done: see above.");
    return allOk && plan.unplaced().isEmpty();
  }

  private static void addStores(Map<StoreRef, SimulatedArray> arrayOf, List<FleetStore> stores,
      VendorProfile profile, String name, int count, int weight, long image, FleetOptions o) {
    SimulatedArray array = SimulatedArray.builder().profile(profile).seed(o.seed())
        .recordCalls(false).build();
    for (int i = 1; i <= count; i++) {
      StoreRef store = array.addStore(TenantId.of("acme"), StoreId.of(name + "-" + i));
      array.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), image);
      arrayOf.put(store, array);
      stores.add(new FleetStore(store, array.await(array.capabilities(store)),
          array.await(array.inventory(store)), weight));
    }
  }

  private static FleetConstraints constraints(Demand demand, List<FleetStore> stores) {
    Set<StoreRef> me4 = Set.of(stores.get(0).store(), stores.get(1).store(), stores.get(2).store());
    FleetConstraints.Builder c = FleetConstraints.builder();
    List<VmId> vms = new ArrayList<>(demand.vms().keySet());
    for (int i = 0; i < vms.size() / 10; i++) {
      c.allow(vms.get(i), me4);
    }
    for (int i = 0; i < 12 && vms.size() - 1 - i >= 0; i++) {
      c.antiAffinity(vms.get(vms.size() - 1 - i), i % 2 == 0 ? "dc-a" : "dc-b");
    }
    return c.build();
  }
}
