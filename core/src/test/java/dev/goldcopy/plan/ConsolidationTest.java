package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scale-down on the fewest masters: 5 VMs left on three masters of 8 clones each. Recreatable
 * clones move to the origin when the policy consolidates, and the emptied replicas are retired;
 * persistent disks never move, and the findings say why a replica stays.
 */
class ConsolidationTest {
  private static final ArrayCapabilities L8 =
      ArrayCapabilities.builder().maxVirtualCopiesPerSource(8).build();

  private static StoreModel threeMastersFiveVms() {
    StoreModel store = StoreModel.withOrigin(L8);
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.READY);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00002", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00003", "gold-r001", GOLD, ContainerState.READY);
    store.clone("vm-00004", "gold-r001", GOLD, ContainerState.READY);
    store.clone("vm-00005", "gold-r002", GOLD, ContainerState.READY);
    return store;
  }

  @Test
  void recreatableClonesMoveToTheOriginAndTheEmptiedReplicasAreRetired() {
    StoreModel store = threeMastersFiveVms();
    PlanningPolicy policy = PlanningPolicy.builder().consolidate(true).build();

    ReplicationPlan plan =
        ContainerReplicationPlanner.create(policy).plan(store.input(Demand.of(GOLD, "vm", 5)));

    assertThat(plan.steps())
        .filteredOn(DeleteContainer.class::isInstance)
        .map(s -> (DeleteContainer) s)
        .extracting(DeleteContainer::name, DeleteContainer::cause)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("vm-00003", DeleteContainer.Cause.CONSOLIDATED),
            org.assertj.core.groups.Tuple.tuple("vm-00004", DeleteContainer.Cause.CONSOLIDATED),
            org.assertj.core.groups.Tuple.tuple("vm-00005", DeleteContainer.Cause.CONSOLIDATED),
            org.assertj.core.groups.Tuple.tuple("gold-r001", DeleteContainer.Cause.REPLICA_RETIRED),
            org.assertj.core.groups.Tuple.tuple("gold-r002", DeleteContainer.Cause.REPLICA_RETIRED));
    assertThat(plan.steps())
        .filteredOn(CreateClone.class::isInstance)
        .map(s -> (CreateClone) s)
        .allSatisfy(c -> {
          assertThat(c.masterName()).isEqualTo("gold-origin");
          assertThat(c.dependsOn()).contains(PlanRun.deleteStepId(c.name()));
        })
        .hasSize(3);

    store.apply(plan, 0);
    assertThat(store.masters()).hasSize(1);
    assertThat(store.clonesOf(store.masters().get(0).id())).isEqualTo(5);
  }

  @Test
  void theLastMasterThatTakesClonesStaysWhenTheOthersAreOriginsThatTakeNone() {
    // A reserved origin and a hand-made full copy with no source (an origin too, and not ours)
    // take no clones; with no per-source limit, room alone cannot show the last replica going.
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    store.master("gold", "gold-copy", GOLD, null, ContainerState.READY);
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.READY);
    store.clone("vm-00001", "gold-r001", GOLD, ContainerState.READY);
    store.clone("vm-00002", "gold-r001", GOLD, ContainerState.READY);
    PlanningPolicy policy =
        PlanningPolicy.builder().consolidate(true).originServesClones(false).build();

    ReplicationPlan plan =
        ContainerReplicationPlanner.create(policy).plan(store.input(Demand.of(GOLD, "vm", 6)));

    assertThat(plan.shortfalls()).isEmpty();
    assertThat(plan.steps()).filteredOn(DeleteContainer.class::isInstance)
        .map(s -> ((DeleteContainer) s).name()).containsExactly("gold-r002");
    assertThat(plan.steps()).filteredOn(CreateClone.class::isInstance)
        .map(s -> ((CreateClone) s).masterName()).containsOnly("gold-r001").hasSize(4);
    assertThat(plan.findings()).extracting(Finding::kind, Finding::name)
        .contains(org.assertj.core.groups.Tuple.tuple(Finding.Kind.SURPLUS_KEPT, "gold-r001"));
    store.apply(plan, 0);
  }

  @Test
  void persistentDisksNeverMoveAndTheFindingsSayWhyEachReplicaStays() {
    StoreModel store = threeMastersFiveVms();
    PlanningPolicy policy = PlanningPolicy.builder().consolidate(true).build();
    // vm-00005 (on gold-r002) is persistent; the others may be recreated.
    Demand demand =
        Demand.builder()
            .addRecreatable(VmId.of("vm-00001"), GOLD)
            .addRecreatable(VmId.of("vm-00002"), GOLD)
            .addRecreatable(VmId.of("vm-00003"), GOLD)
            .addRecreatable(VmId.of("vm-00004"), GOLD)
            .add(VmId.of("vm-00005"), GOLD)
            .build();

    ReplicationPlan plan = ContainerReplicationPlanner.create(policy).plan(store.strictInput(demand));

    // The target is one master: gold-r002 stays for vm-00005, gold-r001 empties and is retired.
    assertThat(names(plan, DeleteContainer.Cause.CONSOLIDATED)).containsExactly("vm-00003", "vm-00004");
    assertThat(names(plan, DeleteContainer.Cause.REPLICA_RETIRED)).containsExactly("gold-r001");
    assertThat(plan.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.SURPLUS_KEPT);
      assertThat(f.name()).isEqualTo("gold-r002");
      assertThat(f.detail()).contains("1 of its 1 clone(s) may not move");
    });
  }

  @Test
  void withoutConsolidationNothingMovesAndTheFindingsSaySo() {
    StoreModel store = threeMastersFiveVms();

    ReplicationPlan plan =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults())
            .plan(store.input(Demand.of(GOLD, "vm", 5)));

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.findings())
        .filteredOn(f -> f.kind() == Finding.Kind.SURPLUS_KEPT)
        .extracting(Finding::name)
        .containsExactlyInAnyOrder("gold-r001", "gold-r002");
    assertThat(plan.findings())
        .filteredOn(f -> f.kind() == Finding.Kind.SURPLUS_KEPT)
        .allSatisfy(f -> assertThat(f.detail()).contains("the policy does not move clones"));
  }

  private static List<String> names(ReplicationPlan plan, DeleteContainer.Cause cause) {
    return plan.steps().stream()
        .filter(DeleteContainer.class::isInstance)
        .map(s -> (DeleteContainer) s)
        .filter(d -> d.cause() == cause)
        .map(DeleteContainer::name)
        .sorted()
        .toList();
  }
}
