package dev.goldcopy.fleet;

import static dev.goldcopy.fleet.FleetWorld.GIB;
import static dev.goldcopy.fleet.FleetWorld.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fleet placement never asks a store for more than its limits allow (its own planner plans each
 * share with no shortfall and the same copies), honours the constraints, and never makes more
 * copies than splitting the VMs evenly over the stores that hold the image would.
 */
class FleetPropertiesTest {
  private static final PlanningPolicy POLICY = PlanningPolicy.defaults();
  private static final int[] LIMITS = {0, 4, 8, 16, 32};

  private static List<FleetStore> stores(long seed, boolean tight) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(6);
    List<FleetStore> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long free = tight ? r.nextInt(12) * 40 * GIB : 1L << 50;
      int total = tight && r.nextBoolean() ? 1 + r.nextInt(120) : 0;
      out.add(FleetWorld.store(i, LIMITS[r.nextInt(LIMITS.length)], i == 0 || r.nextInt(5) > 0,
          free, total, 1 + r.nextInt(3)));
    }
    return out;
  }

  private static void eachShareFitsItsStore(List<FleetStore> stores, FleetPlan plan) {
    for (int i = 0; i < stores.size(); i++) {
      FleetStore s = stores.get(i);
      StoreShare share = plan.shares().get(i);
      if (share.demand().size() == 0) {
        continue;
      }
      ReplicationPlan p = ContainerReplicationPlanner.create(POLICY)
          .plan(new PlanningInput(s.store(), s.capabilities(), s.inventory(), share.demand()));
      assertThat(p.shortfalls()).as(s.store() + "\n" + p.explain()).isEmpty();
      assertThat(p.steps().stream().filter(st -> st instanceof CreateReplica).count())
          .isEqualTo(share.newReplicas());
    }
  }

  @Test
  void placementFitsEveryStoreAndNeverCopiesMoreThanAnEvenSplit() {
    qt().withExamples(200).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, vms) -> {
      List<FleetStore> stores = stores(seed, false);
      FleetPlan plan = FleetPlanner.create(POLICY)
          .plan(stores, Demand.of(IMAGE, "vm", vms), FleetConstraints.none());
      assertThat(plan.unplaced()).isEmpty();
      eachShareFitsItsStore(stores, plan);
      List<FleetStore> holding = stores.stream()
          .filter(s -> !s.inventory().containers().isEmpty()).toList();
      long even = 0;
      for (int i = 0; i < holding.size(); i++) {
        long n = vms / holding.size() + (i < vms % holding.size() ? 1 : 0);
        int l = holding.get(i).capabilities().maxVirtualCopiesPerSource();
        even += l == 0 || n == 0 ? 0 : Math.max(0, (n + l - 1) / l - 1);
      }
      assertThat(plan.newReplicas()).isLessThanOrEqualTo(even);
      assertThat(plan.bytesCopied()).isEqualTo(plan.newReplicas() * 40 * GIB);
    });
  }

  @Test
  void tightStoresAndConstraintsAreNeverViolated() {
    qt().withExamples(200).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, vms) -> {
      List<FleetStore> stores = stores(seed, true);
      Random r = new Random(seed ^ vms);
      Demand demand = Demand.of(IMAGE, "vm", vms);
      FleetConstraints.Builder c = FleetConstraints.builder();
      Map<VmId, StoreRef> forbidden = new HashMap<>();
      for (VmId vm : demand.vms().keySet()) {
        int roll = r.nextInt(10);
        StoreRef some = stores.get(r.nextInt(stores.size())).store();
        if (roll == 0) {
          c.allow(vm, Set.of(some));
        } else if (roll == 1) {
          c.forbid(vm, Set.of(some));
          forbidden.put(vm, some);
        } else if (roll == 2) {
          c.antiAffinity(vm, "ha-" + r.nextInt(3));
        }
      }
      FleetConstraints constraints = c.build();
      FleetPlan plan = FleetPlanner.create(POLICY).plan(stores, demand, constraints);
      eachShareFitsItsStore(stores, plan);
      assertThat(plan.placements().size() + plan.unplaced().size()).isEqualTo(vms);
      Map<String, Set<StoreRef>> groups = new HashMap<>();
      for (FleetPlacement p : plan.placements()) {
        Set<StoreRef> allowed = constraints.allowed().get(p.vm());
        assertThat(allowed == null || allowed.contains(p.store())).isTrue();
        assertThat(p.store()).isNotEqualTo(forbidden.get(p.vm()));
        String g = constraints.antiAffinity().get(p.vm());
        if (g != null) {
          assertThat(groups.computeIfAbsent(g, k -> new java.util.HashSet<>()).add(p.store()))
              .as("two members of " + g + " on " + p.store()).isTrue();
        }
      }
      plan.unplaced().forEach(u -> assertThat(plan.explain(u.vm())).contains("not placed"));
    });
  }
}
