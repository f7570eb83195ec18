package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The sizing invariants, on generated capabilities, inventories and demands. */
class PlannerPropertiesTest {
  private static final int EXAMPLES = 300;
  private static final ContainerReplicationPlanner PLANNER =
      ContainerReplicationPlanner.create(PlanningPolicy.defaults());

  @Test
  void everyVmHasASlotOrIsInAShortfall() {
    qt().withExamples(EXAMPLES).forAll(Scenario.scenarios()).checkAssert(s -> {
      StoreModel store = s.store();
      Demand demand = s.demand();
      ReplicationPlan plan = s.planner().plan(store.input(demand));
      store.apply(plan, s.growth());
      Set<String> served = store.placement().keySet();
      Set<String> shortVms = new HashSet<>();
      plan.shortfalls().forEach(f -> f.vms().forEach(v -> shortVms.add(v.value())));
      for (VmId vm : demand.vms().keySet()) {
        assertThat(served.contains(vm.value()) ^ shortVms.contains(vm.value()))
            .as("VM %s served once or short", vm).isTrue();
      }
      assertThat(served).hasSize(demand.size() - shortVms.size());
    });
  }

  @Test
  void noMasterGoesOverItsLimit() {
    qt().withExamples(EXAMPLES).forAll(Scenario.scenarios()).checkAssert(s -> {
      StoreModel store = s.store();
      store.apply(s.planner().plan(store.input(s.demand())), s.growth()); // checks each clone
      if (s.limit() > 0) {
        for (Container m : store.masters()) {
          assertThat(store.clonesOf(m.id())).isLessThanOrEqualTo(s.limit());
        }
      }
    });
  }

  @Test
  void planIsMinimalDroppingAnyReplicaLeavesAVmWithoutASlot() {
    qt().withExamples(EXAMPLES).forAll(Scenario.scenarios()).checkAssert(s -> {
      StoreModel store = s.store();
      ReplicationPlan plan = s.planner().plan(store.input(s.demand()));
      store.apply(plan, s.growth());
      Map<String, Integer> load = new HashMap<>();
      store.masters().forEach(m -> load.put(m.name(), store.clonesOf(m.id())));
      for (PlanStep step : plan.steps()) {
        if (step instanceof CreateReplica r) {
          assertThat(s.limit()).as("no replica without a per-source limit").isPositive();
          long elsewhere = 0;
          for (Map.Entry<String, Integer> e : load.entrySet()) {
            if (!e.getKey().equals(r.name())) {
              elsewhere += Math.max(0, s.limit() - e.getValue());
            }
          }
          assertThat((long) load.getOrDefault(r.name(), 0))
              .as("clones on %s exceed free slots elsewhere", r.name())
              .isGreaterThan(elsewhere);
        }
      }
    });
  }

  @Test
  void existingClonesNeverMove() {
    qt().withExamples(EXAMPLES).forAll(Scenario.scenarios()).checkAssert(s -> {
      StoreModel store = s.store();
      Map<String, String> before = store.placement();
      Demand demand = s.demand();
      store.apply(s.planner().plan(store.input(demand)), s.growth());
      Map<String, String> after = store.placement();
      for (VmId vm : demand.vms().keySet()) {
        String was = before.get(vm.value());
        if (was != null) {
          assertThat(after).containsEntry(vm.value(), was);
        }
      }
    });
  }

  @Test
  void applyingAPlanAndPlanningAgainGivesAnEmptyPlan() {
    qt().withExamples(EXAMPLES).forAll(Scenario.scenarios()).checkAssert(s -> {
      assertConverges(s.planner(), s.store(), s.demand(), s.growth());
    });
  }

  /**
   * Applying a plan and planning again gives an empty plan; except that the planner credits a
   * deleted clone only what the array declares a clone reserves, never the growth it may have
   * made (which the array may or may not give back), so where this model's clones did grow and
   * were deleted, the next plan places what that growth freed. It deletes no clone; under a
   * throughput rule, the VMs it places are no longer to come, so the group may need fewer masters
   * and it may retire a replica that holds no clone. The plan after it is empty.
   */
  private static void assertConverges(
      ContainerReplicationPlanner planner, StoreModel store, Demand demand, long growth) {
    ReplicationPlan first = planner.plan(store.input(demand));
    store.apply(first, growth);
    ReplicationPlan again = planner.plan(store.input(demand));
    if (growth == 0 || first.deleteSteps().isEmpty()) {
      assertThat(again.steps()).as(again.explain()).isEmpty();
      return;
    }
    assertThat(again.deleteSteps()).as(again.explain()).allSatisfy(d -> {
      assertThat(d.cause()).isEqualTo(DeleteContainer.Cause.REPLICA_RETIRED);
      assertThat(store.clonesOf(d.container())).as("clones of %s", d.name()).isZero();
    });
    store.apply(again, growth);
    ReplicationPlan third = planner.plan(store.input(demand));
    assertThat(third.steps()).as(third.explain()).isEmpty();
  }

  /**
   * A case a random run found: 33 clones deleted, 29 VMs to come, room for 16. The first plan keeps
   * all five masters (29 VMs to come at 7 creations a source need five) although it makes only 16
   * clones and leaves 13 VMs short of capacity; once the growth of the deleted clones shows as free,
   * the second plan places the 13 and retires a replica left empty. It converges; keeping the empty
   * replica in the first plan while VMs are short of capacity is a known weakness of the sizing.
   */
  @Test
  void aFirstPlanShortOfCapacityUnderAThroughputRuleConvergesInTwoPlans() {
    Scenario s = new Scenario(8, 33, 1, 29, 128);
    PlanningPolicy policy = s.policy().toBuilder()
        .placement(Placement.PACK)
        .growthHeadroomPercent(0)
        .maxConcurrentCreationsPerSource(7)
        .unlimitedMastersPerGroup()
        .build();
    ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(policy);
    StoreModel store = s.store();
    ReplicationPlan first = planner.plan(store.input(s.demand()));
    assertThat(first.summary().vmsShort()).isEqualTo(13);
    store.apply(first, s.growth());
    assertThat(planner.plan(store.input(s.demand())).deleteSteps())
        .extracting(DeleteContainer::cause)
        .containsExactly(DeleteContainer.Cause.REPLICA_RETIRED);

    assertConverges(planner, s.store(), s.demand(), s.growth());
  }

  @Test
  void policiesAreIdempotentToo() {
    qt().withExamples(EXAMPLES)
        .forAll(Scenario.scenarios(), SourceDSL.integers().between(0, 31))
        .checkAssert((s, p) -> {
          PlanningPolicy.Builder b =
              s.policy().toBuilder()
                  .placement((p & 1) != 0 ? Placement.PACK : Placement.SPREAD)
                  .originServesClones((p & 2) == 0)
                  .growthHeadroomPercent((p & 8) != 0 ? 30 : 0);
          if ((p & 4) != 0) {
            b.maxConcurrentCreationsPerSource(7);
          } else {
            b.noThroughputRule();
          }
          if ((p & 16) != 0) {
            b.maxMastersPerGroup(4);
          } else {
            b.unlimitedMastersPerGroup();
          }
          PlanningPolicy policy = b.build();
          ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(policy);
          assertConverges(planner, s.store(), s.demand(), s.growth());
        });
  }

  @Test
  void scaleUpThenDownReturnsToTheMinimalSize() {
    qt().withExamples(EXAMPLES)
        .forAll(SourceDSL.integers().between(1, 9), SourceDSL.integers().between(0, 50),
            SourceDSL.integers().between(0, 80), SourceDSL.integers().between(0, 4))
        .checkAssert((limit, base, extra, copies) -> {
          ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesPerSource(limit)
              .maxConcurrentPhysicalCopies(copies).build();
          StoreModel store = StoreModel.withOrigin(caps);
          Demand small = Demand.of(GOLD, "vm", base);
          Demand big = Demand.builder().addAll(small).addAll(Demand.of(GOLD, "more", extra))
              .build();
          store.apply(PLANNER.plan(store.input(small)), 0);
          store.apply(PLANNER.plan(store.input(big)), 0);
          assertThat(store.masters()).hasSize(Math.max(1, ceilDiv(base + extra, limit)));
          store.apply(PLANNER.plan(store.input(small)), 0);
          assertThat(store.masters()).hasSize(Math.max(1, ceilDiv(base, limit)));
          assertThat(PLANNER.plan(store.input(small)).isEmpty()).isTrue();
        });
  }

  @Test
  void fanOutNeverUsesASourceBeforeItExistsAndIsLogarithmic() {
    qt().withExamples(EXAMPLES)
        .forAll(SourceDSL.integers().between(1, 400), SourceDSL.integers().between(0, 16))
        .checkAssert((vms, copies) -> {
          ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesPerSource(1)
              .maxConcurrentPhysicalCopies(copies).build();
          StoreModel store = StoreModel.withOrigin(caps);
          ReplicationPlan plan = PLANNER.plan(store.input(Demand.of(GOLD, "vm", vms)));
          Map<String, Integer> madeIn = new HashMap<>();
          Map<String, Integer> perRoundSource = new HashMap<>();
          Map<Integer, Integer> perRound = new HashMap<>();
          int k = 0;
          for (PlanStep step : plan.steps()) {
            if (step instanceof CreateReplica r) {
              k++;
              Integer sourceRound = madeIn.get(r.sourceName());
              if (sourceRound != null) {
                assertThat(sourceRound).isLessThan(r.round());
                assertThat(r.dependsOn()).contains("replica:" + r.sourceName());
              } else {
                assertThat(r.sourceName()).isEqualTo("gold-origin");
              }
              madeIn.put(r.name(), r.round());
              assertThat(perRoundSource.merge(r.round() + "/" + r.sourceName(), 1, Integer::sum))
                  .isEqualTo(1);
              perRound.merge(r.round(), 1, Integer::sum);
            }
          }
          assertThat(k).isEqualTo(vms - 1);
          int rounds = plan.summary().copyRounds();
          if (copies == 0) {
            assertThat(rounds).isEqualTo(log2Ceil(k + 1));
          } else {
            assertThat(perRound.values()).allMatch(n -> n <= copies);
            assertThat(rounds).isLessThanOrEqualTo(log2Ceil(Math.min(k, copies) + 1)
                + ceilDiv(k, copies));
          }
          store.apply(plan, 0);
        });
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static int log2Ceil(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }
}
