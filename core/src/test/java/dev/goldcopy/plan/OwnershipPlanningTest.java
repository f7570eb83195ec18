package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static dev.goldcopy.plan.StoreModel.IMAGE;
import static dev.goldcopy.plan.StoreModel.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner changes and deletes only what its owner made or adopted: an administrator's
 * snapshot, another team's group and unlabelled volumes in the same store are counted and left
 * alone; deletions are guarded; persistent disks are kept.
 */
class OwnershipPlanningTest {
  private static final ArrayCapabilities L4 = ArrayCapabilities.builder().maxVirtualCopiesPerSource(4).build();
  private static final ContainerReplicationPlanner TEAM_A =
      ContainerReplicationPlanner.create(PlanningPolicy.builder().owner(OwnerId.of("team-a")).build());

  /** A store shared by team A, team B and an administrator. */
  private static List<Container> sharedStore() {
    List<Container> c = new ArrayList<>();
    Container origin = container("o", "gold-origin", ContainerKind.PHYSICAL_MASTER, GroupId.of("gold"), null, Labels.empty());
    c.add(origin);
    // an administrator's backup snapshot of the golden volume, and a hand-made full copy of it
    c.add(container("s", "gold-backup", ContainerKind.VIRTUAL_COPY, null, "o", Labels.empty()));
    c.add(container("h", "gold-handmade", ContainerKind.PHYSICAL_MASTER, GroupId.of("gold"), "o", Labels.empty()));
    // team B's replica of the same image and its VM
    c.add(container("br", "gold-r1", ContainerKind.PHYSICAL_MASTER, GroupId.of("gold"), "o",
        Ownership.replica(OwnerId.of("team-b"), GroupId.of("gold"), GOLD, "gold-origin")));
    c.add(container("bv", "b-vm-1", ContainerKind.VIRTUAL_COPY, null, "br",
        Ownership.clone(OwnerId.of("team-b"), VmId.of("b-vm-1"), GOLD, "gold-r1", true)));
    // team A's own replica and two VMs
    c.add(container("ar", "gold-r2", ContainerKind.PHYSICAL_MASTER, GroupId.of("gold"), "o",
        Ownership.replica(OwnerId.of("team-a"), GroupId.of("gold"), GOLD, "gold-origin")));
    c.add(container("av1", "a-vm-1", ContainerKind.VIRTUAL_COPY, null, "ar",
        Ownership.clone(OwnerId.of("team-a"), VmId.of("a-vm-1"), GOLD, "gold-r2", true)));
    c.add(container("av2", "a-vm-2", ContainerKind.VIRTUAL_COPY, null, "ar",
        Ownership.clone(OwnerId.of("team-a"), VmId.of("a-vm-2"), GOLD, "gold-r2", false)));
    return c;
  }

  private static Container container(String id, String name, ContainerKind kind,
      @org.jspecify.annotations.Nullable GroupId group,
      @org.jspecify.annotations.Nullable String source, Labels labels) {
    return new Container(ContainerId.of(id), name, kind, GOLD, group, source == null ? null : ContainerId.of(source),
        STORE, IMAGE, ContainerState.READY, labels);
  }

  private static ReplicationPlan plan(ContainerReplicationPlanner planner, Demand demand, DeletionApproval approval) {
    return planner.plan(new PlanningInput(STORE, L4, new Inventory(STORE, sharedStore()), demand, approval));
  }

  private static Set<String> touched(ReplicationPlan plan) {
    Set<String> names = new java.util.HashSet<>();
    for (PlanStep s : plan.steps()) {
      if (s instanceof DeleteContainer d) {
        names.add(d.name());
      }
    }
    return names;
  }

  @Test
  void scaleDownDeletesAndRetiresOnlyTheOwnersContainers() {
    Demand keepOne = Demand.builder().add(VmId.of("a-vm-1"), GOLD).build();

    ReplicationPlan plan = plan(TEAM_A, keepOne, DeletionApproval.none());

    assertThat(touched(plan)).containsExactly("a-vm-2");
    assertThat(plan.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.FOREIGN_ON_MASTER));
  }

  @Test
  void emptyingTheStoreIsRefusedUnlessApprovedAndThenTouchesOnlyTheOwners() {
    assertThatThrownBy(() -> plan(TEAM_A, Demand.none(), DeletionApproval.none()))
        .isInstanceOf(DeletionRefusedException.class)
        .hasMessageContaining("all 2 of the owner's clones")
        .hasMessageContaining("a-vm-1, a-vm-2");

    ReplicationPlan approved = plan(TEAM_A, Demand.none(), DeletionApproval.all());

    assertThat(touched(approved)).containsExactlyInAnyOrder("a-vm-1", "a-vm-2", "gold-r2");
  }

  @Test
  void anotherOwnerSeesTeamAsContainersAsForeign() {
    ContainerReplicationPlanner teamC =
        ContainerReplicationPlanner.create(PlanningPolicy.builder().owner(OwnerId.of("team-c")).build());

    ReplicationPlan plan = plan(teamC, Demand.none(), DeletionApproval.all());

    assertThat(plan.steps()).isEmpty();
  }

  @Test
  void foreignClonesCountAgainstTheOriginsLimit() {
    // The origin has one foreign snapshot: with L = 4 it takes 3 more, not 4.
    Demand three = Demand.of(GOLD, "c", 3);
    ReplicationPlan plan = TEAM_A.plan(new PlanningInput(STORE, L4,
        new Inventory(STORE, List.of(sharedStore().get(0), sharedStore().get(1))), three));
    Demand four = Demand.of(GOLD, "c", 4);
    ReplicationPlan more = TEAM_A.plan(new PlanningInput(STORE, L4,
        new Inventory(STORE, List.of(sharedStore().get(0), sharedStore().get(1))), four));

    assertThat(plan.steps()).noneMatch(s -> s instanceof CreateReplica);
    assertThat(more.steps()).filteredOn(s -> s instanceof CreateReplica).hasSize(1);
  }

  @Test
  void aForeignContainerHoldingAVmsNameLeavesThatVmShort() {
    Demand demand = Demand.builder().add(VmId.of("gold-backup"), GOLD).add(VmId.of("a-vm-1"), GOLD).build();

    ReplicationPlan plan = plan(TEAM_A, demand, DeletionApproval.all());

    assertThat(plan.shortfalls()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NAME_TAKEN);
      assertThat(sf.vms()).containsExactly(VmId.of("gold-backup"));
    });
    assertThat(touched(plan)).doesNotContain("gold-backup");
  }

  @Test
  void aPersistentVmKeepsItsDiskWhenItsVersionChangesUntilRecomposed() {
    StoreModel store = StoreModel.withOrigin(L4);
    store.master("gold2", "gold2-origin", GOLD2, null, ContainerState.READY);
    store.clone("vm-1", "gold-origin", GOLD, ContainerState.READY);
    Demand moved = Demand.builder().add(VmId.of("vm-1"), GOLD2).build();
    ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(PlanningPolicy.defaults());

    ReplicationPlan kept = planner.plan(store.strictInput(moved));
    ReplicationPlan recomposed = planner.plan(store.strictInput(moved.recomposing(Set.of(VmId.of("vm-1")))));

    assertThat(kept.steps()).isEmpty();
    assertThat(kept.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.RECOMPOSE_DUE));
    assertThat(recomposed.steps()).anySatisfy(s -> assertThat(s).isInstanceOf(DeleteContainer.class))
        .anySatisfy(s -> assertThat(s).isInstanceOf(CreateClone.class));
  }

  @Test
  void adoptedContainersAreManagedAndShownInFindingsOfTheirPlan() {
    ContainerReplicationPlanner adopting = ContainerReplicationPlanner.create(PlanningPolicy.builder()
        .owner(OwnerId.of("team-a")).adoption(Adoption.containers(Set.of(ContainerId.of("h")))).build());

    ReplicationPlan plan = plan(adopting, Demand.builder().add(VmId.of("a-vm-1"), GOLD).build(), DeletionApproval.all());

    assertThat(touched(plan)).contains("gold-handmade").doesNotContain("gold-r1", "gold-backup", "b-vm-1");
    assertThat(plan.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.ADOPTED);
      assertThat(f.name()).isEqualTo("gold-handmade");
    });
  }

  @Test
  void twoVmIdsEqualButForCaseAreRefusedNamingBoth() {
    Demand clash = Demand.builder().add(VmId.of("VM-1"), GOLD).add(VmId.of("vm-1"), GOLD).build();

    assertThatThrownBy(() -> plan(TEAM_A, clash, DeletionApproval.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'VM-1' and 'vm-1'");
  }
}
