package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import org.junit.jupiter.api.Test;

/**
 * The array's totals are shared with other stores and tenants: the planner plans against what is
 * left of them, copies no replica it cannot fill, and names who holds the rest. A lowered limit
 * copies no replica for VMs that need none.
 */
class SharedTotalsPlanningTest {
  private static final ContainerReplicationPlanner PLANNER =
      ContainerReplicationPlanner.create(PlanningPolicy.defaults());

  @Test
  void anMd3200WhoseOtherTenantHolds100SnapshotsLeaves28ClonesOnFourMasters() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder()
            .maxVirtualCopiesPerSource(8)
            .maxVirtualCopiesTotal(128)
            .usedVirtualCopiesTotal(100)
            .build();
    StoreModel store = StoreModel.withOrigin(caps);

    ReplicationPlan plan = PLANNER.plan(store.input(Demand.of(GOLD, "vm", 200)));

    assertThat(plan.summary().clones()).isEqualTo(28);
    assertThat(plan.summary().replicas()).isEqualTo(3);
    assertThat(plan.shortfalls()).singleElement().satisfies(s -> {
      assertThat(s.limit()).isEqualTo(Shortfall.Limit.ARRAY_TOTAL);
      assertThat(s.vms()).hasSize(172);
      assertThat(s.reason()).contains("this store holds 0 and the rest of the array 100");
    });
  }

  @Test
  void theContainerTotalCountsReplicasAndClonesTogether() {
    // 40 containers in all, 30 held elsewhere, 1 here (the origin): 9 more, replicas and clones.
    ArrayCapabilities caps =
        ArrayCapabilities.builder()
            .maxVirtualCopiesPerSource(4)
            .maxContainersTotal(40)
            .usedContainersTotal(31)
            .build();
    StoreModel store = StoreModel.withOrigin(caps);

    ReplicationPlan plan = PLANNER.plan(store.input(Demand.of(GOLD, "vm", 20)));

    int created = plan.summary().replicas() + plan.summary().clones();
    assertThat(created).isEqualTo(9);
    // 1 replica and 8 clones: the origin's 4 and the replica's 4; a second replica would leave 3.
    assertThat(plan.summary().replicas()).isEqualTo(1);
    assertThat(plan.shortfalls()).singleElement().satisfies(s -> {
      assertThat(s.limit()).isEqualTo(Shortfall.Limit.ARRAY_CONTAINERS);
      assertThat(s.vms()).hasSize(12);
      assertThat(s.reason()).contains("container total (40)").contains("rest of the array 30");
    });
  }

  @Test
  void anAdapterReportingNoUsageLeavesTheTotalsToThisStore() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(8).maxVirtualCopiesTotal(128).build();

    ReplicationPlan plan = PLANNER.plan(StoreModel.withOrigin(caps).input(Demand.of(GOLD, "vm", 100)));

    assertThat(plan.summary().clones()).isEqualTo(100);
    assertThat(plan.shortfalls()).isEmpty();
  }

  @Test
  void aLoweredLimitCopiesNoReplicaWhenNoVmIsAdded() {
    StoreModel store =
        StoreModel.withOrigin(ArrayCapabilities.builder().maxVirtualCopiesPerSource(8).build());
    for (int i = 1; i <= 8; i++) {
      store.clone(String.format("vm-%05d", i), "gold-origin", GOLD, ContainerState.READY);
    }
    store.setCapabilities(ArrayCapabilities.builder().maxVirtualCopiesPerSource(4).build());

    ReplicationPlan plan = PLANNER.plan(store.input(Demand.of(GOLD, "vm", 8)));

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.MASTER_OVER_LIMIT);
      assertThat(f.detail()).contains("holds 8 clones, over the per-source limit of 4");
    });
    assertThat(plan.sizing()).singleElement()
        .satisfies(g -> assertThat(g.note()).contains("replica(s) of the target not made"));

    // One VM more needs one replica, not the three of the target.
    ReplicationPlan grow = PLANNER.plan(store.input(Demand.of(GOLD, "vm", 9)));
    assertThat(grow.summary().replicas()).isEqualTo(1);
    assertThat(grow.summary().clones()).isEqualTo(1);
  }
}
