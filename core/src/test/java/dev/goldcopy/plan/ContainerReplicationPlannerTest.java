package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static dev.goldcopy.plan.StoreModel.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerReplicationPlannerTest {
  private static final ContainerReplicationPlanner DEFAULT =
      ContainerReplicationPlanner.create(PlanningPolicy.defaults());

  private static ArrayCapabilities limit(int perSource) {
    return ArrayCapabilities.builder().maxVirtualCopiesPerSource(perSource).build();
  }

  private static List<CreateReplica> replicas(ReplicationPlan plan) {
    List<CreateReplica> out = new ArrayList<>();
    plan.steps().forEach(s -> {
      if (s instanceof CreateReplica r) {
        out.add(r);
      }
    });
    return out;
  }

  private static List<CreateClone> clones(ReplicationPlan plan) {
    List<CreateClone> out = new ArrayList<>();
    plan.steps().forEach(s -> {
      if (s instanceof CreateClone c) {
        out.add(c);
      }
    });
    return out;
  }

  private static List<DeleteContainer> deletions(ReplicationPlan plan) {
    List<DeleteContainer> out = new ArrayList<>();
    plan.steps().forEach(s -> {
      if (s instanceof DeleteContainer d) {
        out.add(d);
      }
    });
    return out;
  }

  private static Map<String, Integer> clonesPerMaster(ReplicationPlan plan) {
    Map<String, Integer> out = new HashMap<>();
    clones(plan).forEach(c -> out.merge(c.masterName(), 1, Integer::sum));
    return out;
  }

  @Test
  void sizesMastersAsCeilOfNOverL() {
    StoreModel store = StoreModel.withOrigin(limit(8));
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 100)));

    assertThat(replicas(plan)).hasSize(12); // ceil(100 / 8) = 13 masters, the origin is one
    assertThat(clones(plan)).hasSize(100);
    assertThat(clonesPerMaster(plan).values()).allMatch(n -> n <= 8);
    assertThat(plan.shortfalls()).isEmpty();
    assertThat(plan.sizing().get(0).countNeed()).isEqualTo(13);
    assertThat(plan.sizing().get(0).mastersAfter()).isEqualTo(13);
    assertThat(plan.explain()).contains("L = 8").contains("ceil(100 / 8)").contains("= 13");
  }

  @Test
  void oneMasterSufficesWhenItHasRoom() {
    StoreModel store = StoreModel.withOrigin(limit(8));
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8)));

    assertThat(replicas(plan)).isEmpty();
    assertThat(clones(plan)).extracting(CreateClone::masterName).containsOnly("gold-origin");
    assertThat(clones(plan)).allMatch(c -> c.dependsOn().isEmpty());
  }

  @Test
  void unlimitedSourceNeedsOneMaster() {
    StoreModel store = StoreModel.withOrigin(limit(ArrayCapabilities.UNLIMITED));
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 5000)));

    assertThat(replicas(plan)).isEmpty();
    assertThat(clones(plan)).hasSize(5000);
  }

  @Test
  void reservedOriginLeavesTheReplicasToCarryN() {
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(
            PlanningPolicy.builder().originServesClones(false).build());
    StoreModel store = StoreModel.withOrigin(limit(8));
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 16)));

    assertThat(replicas(plan)).hasSize(2); // 1 + ceil(16 / 8) = 3 masters
    assertThat(clones(plan)).noneMatch(c -> c.masterName().equals("gold-origin"));
    assertThat(plan.explain()).contains("reserved");
  }

  @Test
  void namesReplicasByGroupAndSmallestFreeOrdinal() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.READY);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8)));

    assertThat(replicas(plan)).extracting(CreateReplica::name)
        .containsExactlyInAnyOrder("gold-r001", "gold-r003");
    assertThat(clones(plan)).allMatch(c -> c.name().equals(c.vm().value()));
    assertThat(plan.steps()).extracting(PlanStep::id).doesNotHaveDuplicates();
  }

  @Test
  void spreadsEvenlyByDefaultAndPacksOnRequest() {
    StoreModel store = StoreModel.withOrigin(limit(10));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    ReplicationPlan spread = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 12)));
    assertThat(clonesPerMaster(spread)).containsEntry("gold-origin", 6).containsEntry("gold-r001", 6);

    ContainerReplicationPlanner pack =
        ContainerReplicationPlanner.create(PlanningPolicy.builder().placement(Placement.PACK).build());
    ReplicationPlan packed = pack.plan(store.input(Demand.of(GOLD, "vm", 12)));
    assertThat(clonesPerMaster(packed)).containsEntry("gold-origin", 10)
        .containsEntry("gold-r001", 2);
  }

  @Test
  void existingClonesStayAndRemainingSlotsAreRespected() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    for (int i = 1; i <= 3; i++) {
      store.clone(String.format("vm-%05d", i), "gold-origin", GOLD, ContainerState.READY);
    }
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8)));

    assertThat(clones(plan)).extracting(c -> c.vm().value()).doesNotContain("vm-00001");
    assertThat(clonesPerMaster(plan)).containsEntry("gold-origin", 1).containsEntry("gold-r001", 4);
    assertThat(replicas(plan)).isEmpty();
  }

  @Test
  void fanOutDoublesSourcesEachRound() {
    StoreModel store = StoreModel.withOrigin(limit(1));
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 16)));

    List<CreateReplica> replicas = replicas(plan);
    assertThat(replicas).hasSize(15);
    assertThat(plan.summary().copyRounds()).isEqualTo(4); // 1 -> 2 -> 4 -> 8 -> 16 masters
    Map<Integer, Long> perRound = new HashMap<>();
    replicas.forEach(r -> perRound.merge(r.round(), 1L, Long::sum));
    assertThat(perRound).containsEntry(1, 1L).containsEntry(2, 2L).containsEntry(3, 4L)
        .containsEntry(4, 8L);
    Map<String, Integer> madeIn = new HashMap<>();
    replicas.forEach(r -> madeIn.put(r.name(), r.round()));
    for (CreateReplica r : replicas) {
      if (madeIn.containsKey(r.sourceName())) {
        assertThat(madeIn.get(r.sourceName())).isLessThan(r.round());
        assertThat(r.dependsOn()).containsExactly("replica:" + r.sourceName());
      } else {
        assertThat(r.sourceName()).isEqualTo("gold-origin");
        assertThat(r.dependsOn()).isEmpty();
      }
    }
    Map<String, Long> sourcesPerRound = new HashMap<>();
    replicas.forEach(r -> sourcesPerRound.merge(r.round() + "/" + r.sourceName(), 1L, Long::sum));
    assertThat(sourcesPerRound.values()).containsOnly(1L);
    for (CreateClone c : clones(plan)) {
      if (madeIn.containsKey(c.masterName())) {
        assertThat(c.dependsOn()).containsExactly("replica:" + c.masterName());
      } else {
        assertThat(c.dependsOn()).isEmpty();
      }
    }
  }

  @Test
  void copyConcurrencyLimitsEachRound() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(1).maxConcurrentPhysicalCopies(2)
            .build();
    StoreModel store = StoreModel.withOrigin(caps);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 9)));

    Map<Integer, Long> perRound = new HashMap<>();
    replicas(plan).forEach(r -> perRound.merge(r.round(), 1L, Long::sum));
    assertThat(perRound.values()).allMatch(n -> n <= 2);
    assertThat(plan.summary().copyRounds()).isEqualTo(5); // 1, 2, 2, 2, 1
    assertThat(plan.summary().bytesToCopy()).isEqualTo(8 * IMAGE);
  }

  @Test
  void throughputRuleRaisesTheMasterCount() {
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(
            PlanningPolicy.builder().maxConcurrentCreationsPerSource(20).build());
    StoreModel store = StoreModel.withOrigin(limit(ArrayCapabilities.UNLIMITED));
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 100)));

    assertThat(replicas(plan)).hasSize(4); // ceil(100 / 20) = 5 masters
    assertThat(clonesPerMaster(plan).values()).containsOnly(20);
    assertThat(plan.sizing().get(0).throughputNeed()).isEqualTo(5);
    assertThat(plan.explain()).contains("Throughput bound");
  }

  @Test
  void growthHeadroomSizesForMoreVms() {
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(PlanningPolicy.builder().growthHeadroomPercent(50).build());
    StoreModel store = StoreModel.withOrigin(limit(10));
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 20)));

    assertThat(plan.sizing().get(0).countNeed()).isEqualTo(3); // ceil(30 / 10)
    assertThat(replicas(plan)).hasSize(2);
  }

  @Test
  void replicaCapLeavesAShortfallNamingEveryVm() {
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(PlanningPolicy.builder().maxMastersPerGroup(2).build());
    StoreModel store = StoreModel.withOrigin(limit(4));
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 10)));

    assertThat(replicas(plan)).hasSize(1);
    assertThat(clones(plan)).hasSize(8);
    assertThat(plan.shortfalls()).singleElement().satisfies(s -> {
      assertThat(s.limit()).isEqualTo(Shortfall.Limit.REPLICA_CAP);
      assertThat(s.vms()).extracting(VmId::value).containsExactly("vm-00009", "vm-00010");
      assertThat(s.reason()).contains("2 of 10").contains("cap of 2");
    });
    assertThat(plan.summary().vmsShort()).isEqualTo(2);
    assertThat(plan.explain()).contains("SHORT").contains("vm-00009");
  }

  @Test
  void softRatioOverflowsToTheHardLimitWhenCapped() {
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(
            PlanningPolicy.builder().cloneRatio(4).maxMastersPerGroup(2).build());
    StoreModel store = StoreModel.withOrigin(limit(8));
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 12)));

    assertThat(replicas(plan)).hasSize(1);
    assertThat(clones(plan)).hasSize(12);
    assertThat(clonesPerMaster(plan).values()).allMatch(n -> n <= 8);
    assertThat(plan.shortfalls()).isEmpty();
  }

  @Test
  void capacityLimitsReplicasAndClones() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(4).totalCapacityBytes(10 * IMAGE)
            .freeCapacityBytes(IMAGE + 100).build();
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(PlanningPolicy.builder().expectedCloneGrowthBytes(10)
            .build());
    StoreModel store = StoreModel.withOrigin(caps);
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 12)));

    assertThat(replicas(plan)).hasSize(1);
    assertThat(clones(plan)).hasSize(8);
    assertThat(plan.shortfalls()).singleElement()
        .satisfies(s -> {
          assertThat(s.limit()).isEqualTo(Shortfall.Limit.CAPACITY);
          assertThat(s.vms()).hasSize(4);
        });
  }

  @Test
  void arrayTotalLimitsClones() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(8).maxVirtualCopiesTotal(5).build();
    StoreModel store = StoreModel.withOrigin(caps);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 7)));

    assertThat(clones(plan)).hasSize(5);
    assertThat(plan.shortfalls()).singleElement()
        .satisfies(s -> assertThat(s.limit()).isEqualTo(Shortfall.Limit.ARRAY_TOTAL));
  }

  @Test
  void copyingMasterIsAMemberAndTakesClones() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.COPYING);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8)));

    assertThat(replicas(plan)).isEmpty();
    assertThat(clonesPerMaster(plan)).containsEntry("gold-r001", 4);
    assertThat(deletions(plan)).isEmpty();
  }

  @Test
  void failedReplicaIsDeletedAndRemadeAfterTheDeletion() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.FAILED);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8)));

    assertThat(deletions(plan)).singleElement().satisfies(d -> {
      assertThat(d.cause()).isEqualTo(DeleteContainer.Cause.FAILED_COPY);
      assertThat(d.name()).isEqualTo("gold-r001");
    });
    assertThat(replicas(plan)).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("gold-r001");
      assertThat(r.dependsOn()).contains("delete:gold-r001");
    });
    store.apply(plan, 0);
    assertThat(DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8))).isEmpty()).isTrue();
  }

  @Test
  void failedCloneIsDeletedAndRemade() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.FAILED);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 1)));

    assertThat(deletions(plan)).singleElement()
        .satisfies(d -> assertThat(d.cause()).isEqualTo(DeleteContainer.Cause.FAILED_COPY));
    assertThat(clones(plan)).singleElement()
        .satisfies(c -> assertThat(c.dependsOn()).contains("delete:vm-00001"));
  }

  @Test
  void imageChangeDeletesTheOldCloneFirst() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.master("gold2", "gold2-origin", GOLD2, null, ContainerState.READY);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    Demand demand = Demand.builder().add(VmId.of("vm-00001"), GOLD2).build();
    ReplicationPlan plan = DEFAULT.plan(store.input(demand));

    assertThat(deletions(plan)).singleElement()
        .satisfies(d -> assertThat(d.reason()).contains(GOLD2.toString()));
    assertThat(clones(plan)).singleElement().satisfies(c -> {
      assertThat(c.masterName()).isEqualTo("gold2-origin");
      assertThat(c.dependsOn()).containsExactly("delete:vm-00001");
    });
    store.apply(plan, 0);
    assertThat(DEFAULT.plan(store.input(demand)).isEmpty()).isTrue();
  }

  @Test
  void scaleDownDeletesRemovedClonesAndRetiresEmptyReplicasNewestFirst() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    store.apply(DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 8))), 0);
    assertThat(store.masters()).hasSize(4);

    // Spread filled the origin, ready at once, to its limit first: vm-00001 and vm-00002.
    Demand keep =
        Demand.builder().add(VmId.of("vm-00001"), GOLD).add(VmId.of("vm-00002"), GOLD).build();
    assertThat(store.placement()).containsEntry("vm-00001", "gold-origin")
        .containsEntry("vm-00002", "gold-origin");
    ReplicationPlan plan = DEFAULT.plan(store.input(keep));
    List<DeleteContainer> deletions = deletions(plan);
    assertThat(deletions).filteredOn(d -> d.cause() == DeleteContainer.Cause.VM_REMOVED)
        .hasSize(6);
    assertThat(deletions).filteredOn(d -> d.cause() == DeleteContainer.Cause.REPLICA_RETIRED)
        .extracting(DeleteContainer::name)
        .containsExactly("gold-r003", "gold-r002", "gold-r001");
    DeleteContainer retired = deletions.stream()
        .filter(d -> d.name().equals("gold-r003")).findFirst().orElseThrow();
    assertThat(retired.dependsOn()).hasSize(2).allMatch(id -> id.startsWith("delete:vm-"));
    store.apply(plan, 0);
    assertThat(store.masters()).hasSize(1);
    assertThat(DEFAULT.plan(store.input(keep)).isEmpty()).isTrue();
  }

  @Test
  void neverRetiresTheOriginOrAMasterWithClones() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    store.clone("vm-00001", "gold-r001", GOLD, ContainerState.READY);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 1)));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.sizing().get(0).mastersAfter()).isEqualTo(2);
  }

  @Test
  void reportsClonesOutsideTheGroupAndKeepsThem() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.clone("vm-00001", "vanished", GOLD, ContainerState.READY);
    store.master("other", "other-origin", GOLD2, null, ContainerState.READY);
    store.clone("vm-00002", "other-origin", GOLD, ContainerState.READY);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 2)));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.findings()).extracting(Finding::kind)
        .containsExactlyInAnyOrder(Finding.Kind.CLONE_SOURCE_MISSING,
            Finding.Kind.CLONE_OUTSIDE_GROUP);
    assertThat(plan.summary().findings()).isEqualTo(2);
    assertThat(plan.explain()).contains("vm-00001").contains("vm-00002");
  }

  @Test
  void reportsAMasterOverALoweredLimitAndAddsAMaster() {
    StoreModel store = StoreModel.withOrigin(limit(6));
    for (int i = 1; i <= 6; i++) {
      store.clone(String.format("vm-%05d", i), "gold-origin", GOLD, ContainerState.READY);
    }
    StoreModel lowered = new StoreModel(limit(4));
    lowered.master("gold", "gold-origin", GOLD, null, ContainerState.READY);
    for (int i = 1; i <= 6; i++) {
      lowered.clone(String.format("vm-%05d", i), "gold-origin", GOLD, ContainerState.READY);
    }
    ReplicationPlan plan = DEFAULT.plan(lowered.input(Demand.of(GOLD, "vm", 8)));

    assertThat(plan.findings()).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.MASTER_OVER_LIMIT));
    assertThat(replicas(plan)).hasSize(1);
    assertThat(clonesPerMaster(plan)).containsOnly(Map.entry("gold-r001", 2));
    assertThat(DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 6))).findings()).isEmpty();
  }

  @Test
  void choosesTheGroupHoldingTheOriginWhenSeveralHoldTheContent() {
    StoreModel store = new StoreModel(limit(4));
    store.master("a-copy", "a-copy-r001", GOLD, null, ContainerState.READY);
    store.master("gold", "gold-origin", GOLD, null, ContainerState.READY);
    StoreModel noOrigin = new StoreModel(limit(4));
    noOrigin.master("b", "b-origin", GOLD, null, ContainerState.READY);
    noOrigin.master("a", "a-origin", GOLD, null, ContainerState.READY);

    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 1)));
    assertThat(plan.findings()).singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.SEVERAL_GROUPS));
    assertThat(clones(plan)).singleElement()
        .satisfies(c -> assertThat(c.masterName()).isEqualTo("a-copy-r001"));
    assertThat(plan.explain()).contains("SEVERAL_GROUPS");
    assertThat(clones(DEFAULT.plan(noOrigin.input(Demand.of(GOLD, "vm", 1)))))
        .singleElement().satisfies(c -> assertThat(c.masterName()).isEqualTo("a-origin"));
  }

  @Test
  void freedSlotsAreUsedAfterTheirDeletion() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    store.clone("old-1", "gold-origin", GOLD, ContainerState.READY);
    store.clone("old-2", "gold-origin", GOLD, ContainerState.READY);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 2)));

    assertThat(replicas(plan)).isEmpty();
    assertThat(clones(plan)).extracting(CreateClone::dependsOn)
        .containsExactly(List.of("delete:old-1"), List.of("delete:old-2"));
    store.apply(plan, 0);
  }

  @Test
  void refusesAnotherStoresInventory() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    PlanningInput input =
        new PlanningInput(StoreRef.of("tenant-b", "pool-1"), store.capabilities(),
            store.inventory(), Demand.of(GOLD, "vm", 1));
    assertThatThrownBy(() -> DEFAULT.plan(input))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inventory.store");
  }

  @Test
  void anUnknownImageOrAFailedOriginLeavesOnlyItsVmsShortAndTheOriginIsNeverDeleted() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    ContentId unknown = ContentId.of("ubuntu", "24.04");
    Demand mixed = Demand.builder().addAll(Demand.of(unknown, "u", 1)).addAll(Demand.of(GOLD, "vm", 1)).build();
    ReplicationPlan plan = DEFAULT.plan(store.input(mixed));
    assertThat(plan.shortfalls()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NO_USABLE_GROUP);
      assertThat(sf.reason()).contains("ubuntu@24.04");
    });
    assertThat(plan.steps()).filteredOn(st -> st instanceof CreateClone).hasSize(1);

    StoreModel onlyFailed = new StoreModel(limit(2));
    onlyFailed.master("gold", "gold-origin", GOLD, null, ContainerState.FAILED);
    ReplicationPlan failed = DEFAULT.plan(onlyFailed.input(Demand.of(GOLD, "vm", 1)));
    assertThat(failed.steps()).as("a failed origin is never planned for deletion").isEmpty();
    assertThat(failed.shortfalls()).singleElement()
        .satisfies(sf -> assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NO_USABLE_GROUP));
  }

  @Test
  void refusesNamesLongerThanTheArrayAccepts() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(1).maxNameLength(12).build();
    StoreModel store = StoreModel.withOrigin(caps);
    assertThatThrownBy(() -> DEFAULT.plan(store.input(Demand.of(GOLD, "a-long-vm-name", 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demand.vms: VM id")
        .hasMessageContaining("bytes in UTF-8, more than the array's 12");
  }

  @Test
  void aGroupWhoseReplicasCannotBeNamedLeavesOnlyItsOwnVmsShort() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(2).maxNameLength(16).build();
    StoreModel store = new StoreModel(caps);
    store.master("golden-group", "origin", GOLD, null, ContainerState.READY);
    store.master("golden image", "origin-2", GOLD2, null, ContainerState.READY);
    store.master("s", "origin-3", ContentId.of("linux", "1"), null, ContainerState.READY);
    Demand demand = Demand.builder().addAll(Demand.of(GOLD, "a", 3))
        .addAll(Demand.of(GOLD2, "b", 3)).addAll(Demand.of(ContentId.of("linux", "1"), "c", 3))
        .build();

    ReplicationPlan plan = DEFAULT.plan(store.input(demand));

    assertThat(replicas(plan)).extracting(CreateReplica::name)
        .as("only the group with a safe, short id gets a replica").containsExactly("s-r001");
    assertThat(clones(plan)).hasSize(2 + 2 + 3);
    assertThat(plan.shortfalls()).hasSize(2).allSatisfy(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.REPLICA_NAME);
      assertThat(sf.vms()).hasSize(1);
    });
    assertThat(plan.shortfalls().get(0).reason())
        .contains("group id 'golden-group' (replica 1) makes no name the array allows")
        .contains("more than the array's 16");
    assertThat(plan.shortfalls().get(1).reason())
        .contains("group id 'golden image'").contains("space");
    store.apply(plan, 0);
  }

  @Test
  void replicasAreNamedByThePolicysStrategyAwayFromNamesTakenButForCase() {
    NamingStrategy dotted = new NamingStrategy() {
      @Override
      public String cloneName(VmId vm, NameRules rules) {
        return vm.value();
      }

      @Override
      public String replicaName(GroupId group, int ordinal, NameRules rules) {
        return group.value() + "." + ordinal;
      }
    };
    StoreModel store = StoreModel.withOrigin(limit(1));
    store.master("other", "GOLD.1", GOLD2, null, ContainerState.READY);
    Demand demand =
        Demand.builder().addAll(Demand.of(GOLD, "vm", 2)).add(VmId.of("gold.2"), GOLD).build();

    ReplicationPlan plan = ContainerReplicationPlanner.create(
        PlanningPolicy.builder().naming(dotted).build()).plan(store.input(demand));

    assertThat(replicas(plan)).extracting(CreateReplica::name)
        .as("gold.1 differs from a master's name only by case; gold.2 is a VM's")
        .containsExactly("gold.3", "gold.4");
    assertThat(plan.shortfalls()).isEmpty();
  }

  @Test
  void aVmNamedLikeAMasterIsShortAndTheRestIsPlanned() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    Demand demand = Demand.builder().add(VmId.of("gold-origin"), GOLD).add(VmId.of("vm-1"), GOLD).build();

    ReplicationPlan plan = DEFAULT.plan(store.input(demand));

    assertThat(plan.shortfalls()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NAME_TAKEN);
      assertThat(sf.vms()).containsExactly(VmId.of("gold-origin"));
    });
    assertThat(plan.steps()).filteredOn(st -> st instanceof CreateClone).hasSize(1);
  }

  @Test
  void aGroupMixingContentsServesNoVmAndTheOtherImagesArePlanned() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    store.master("gold", "gold-r001", GOLD2, "gold-origin", ContainerState.READY);
    store.master("gold2", "gold2-origin", GOLD2, null, ContainerState.READY);
    Demand demand = Demand.builder().addAll(Demand.of(GOLD, "vm", 1)).addAll(Demand.of(GOLD2, "w", 1)).build();

    ReplicationPlan plan = DEFAULT.plan(store.input(demand));

    assertThat(plan.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.MALFORMED_GROUP));
    assertThat(plan.shortfalls()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NO_USABLE_GROUP);
      assertThat(sf.vms()).containsExactly(VmId.of("vm-00001"));
    });
    assertThat(plan.steps()).filteredOn(st -> st instanceof CreateClone).singleElement()
        .satisfies(st -> assertThat(((CreateClone) st).vm()).isEqualTo(VmId.of("w-00001")));
    assertThat(plan.steps()).noneMatch(st -> st instanceof DeleteContainer);
  }

  @Test
  void refusesNullInput() {
    assertThatThrownBy(() -> DEFAULT.plan(nullInput())).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("input");
    assertThatThrownBy(() -> ContainerReplicationPlanner.create(nullPolicy()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("policy");
  }

  @SuppressWarnings("NullAway")
  private static PlanningInput nullInput() {
    return null;
  }

  @SuppressWarnings("NullAway")
  private static PlanningPolicy nullPolicy() {
    return null;
  }

  @Test
  void emptyDemandOnAnEmptyStoreIsAnEmptyPlan() {
    ReplicationPlan plan =
        DEFAULT.plan(new PlanningInput(StoreModel.STORE, limit(4),
            Inventory.empty(StoreModel.STORE), Demand.none()));
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.summary()).isEqualTo(new PlanSummary(0, 0, 0, 0, 0, 0, 0));
    assertThat(plan.explain()).contains("nothing to do");
  }

  @Test
  void isDeterministic() {
    StoreModel store = StoreModel.withOrigin(limit(3));
    store.clone("vm-00004", "gold-origin", GOLD, ContainerState.READY);
    PlanningInput input = store.input(Demand.of(GOLD, "vm", 40));
    assertThat(DEFAULT.plan(input)).isEqualTo(DEFAULT.plan(input));
    assertThat(DEFAULT.policy()).isEqualTo(PlanningPolicy.defaults());
  }

  @Test
  void deletionsPayForCreatesWhenCapacityIsShort() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().totalCapacityBytes(1000).freeCapacityBytes(0).build();
    StoreModel store = StoreModel.withOrigin(caps);
    store.clone("old-1", "gold-origin", GOLD, ContainerState.READY);
    ContainerReplicationPlanner planner =
        ContainerReplicationPlanner.create(
            PlanningPolicy.builder().expectedCloneGrowthBytes(10).build());
    ReplicationPlan plan = planner.plan(store.input(Demand.of(GOLD, "vm", 2)));

    assertThat(clones(plan)).singleElement()
        .satisfies(c -> assertThat(c.dependsOn()).containsExactly("delete:old-1"));
    assertThat(plan.shortfalls()).singleElement()
        .satisfies(s -> assertThat(s.limit()).isEqualTo(Shortfall.Limit.CAPACITY));
  }

  @Test
  void arrayTotalSlotsFreedByDeletionsAreUsedAfterThem() {
    ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesTotal(1).build();
    StoreModel store = StoreModel.withOrigin(caps);
    store.clone("old-1", "gold-origin", GOLD, ContainerState.READY);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 1)));

    assertThat(clones(plan)).singleElement()
        .satisfies(c -> assertThat(c.dependsOn()).containsExactly("delete:old-1"));
    store.apply(plan, 0);
  }

  @Test
  void aGroupWithOnlyACopyingMasterCopiesFromItAndSaysSo() {
    StoreModel onlyCopying = new StoreModel(limit(2));
    onlyCopying.master("seed", "seed-origin", GOLD2, null, ContainerState.READY);
    onlyCopying.master("gold", "gold-r001", GOLD, "seed-origin", ContainerState.COPYING);
    ReplicationPlan plan = DEFAULT.plan(onlyCopying.input(Demand.of(GOLD, "vm", 4)));

    assertThat(replicas(plan)).singleElement().satisfies(r -> {
      assertThat(r.sourceName()).isEqualTo("gold-r001");
      assertThat(r.reason()).contains("wait");
    });
    assertThat(plan.isEmpty()).isFalse();
  }

  @Test
  void neverRetiresTheSourceOfACopyInProgress() {
    StoreModel store = StoreModel.withOrigin(limit(2));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r002", GOLD, "gold-r001", ContainerState.COPYING);
    ReplicationPlan plan = DEFAULT.plan(store.input(Demand.of(GOLD, "vm", 1)));

    assertThat(deletions(plan)).isEmpty();
  }

  @Test
  void replicaNamesSkipNamesTheDemandUses() {
    StoreModel store = StoreModel.withOrigin(limit(1));
    Demand demand =
        Demand.builder().add(VmId.of("gold-r001"), GOLD).add(VmId.of("vm-1"), GOLD).build();
    ReplicationPlan plan = DEFAULT.plan(store.input(demand));

    assertThat(replicas(plan)).extracting(CreateReplica::name).containsExactly("gold-r002");
    store.apply(plan, 0);
  }

  @Test
  void handMadePlansHaveNoSizingOrFindings() {
    ReplicationPlan plan = new ReplicationPlan(StoreModel.STORE, List.of(), List.of());
    assertThat(plan.sizing()).isEmpty();
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.isEmpty()).isTrue();
  }
}
