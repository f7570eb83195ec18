package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import org.junit.jupiter.api.Test;

class GroupPlannerTest {
  private static final ArrayCapabilities LIMIT_2 =
      ArrayCapabilities.builder().maxVirtualCopiesPerSource(2).build();

  @Test
  void plansOneGroupFromSizingToClones() {
    StageFixture f = StageFixture.of(StoreModel.withOrigin(LIMIT_2), Demand.of(GOLD, "vm", 5));

    GroupPlanner.plan(f.run, GOLD, "gold");

    assertThat(f.run.sizing).singleElement().satisfies(s -> {
      assertThat(s.mastersAfter()).isEqualTo(3);
      assertThat(s.newReplicas()).isEqualTo(2);
      assertThat(s.newVms()).isEqualTo(5);
      assertThat(s.note()).contains("count need max(1, ceil(5 / 2)) = 3");
    });
    assertThat(f.run.copies).singleElement().satisfies(c -> {
      assertThat(c.sources).containsExactly("gold-origin");
      assertThat(c.pending).extracting(FanOutScheduler.NewReplica::name)
          .containsExactly("gold-r001", "gold-r002");
    });
    assertThat(f.run.clones).hasSize(5);
    assertThat(f.run.shortfalls).isEmpty();
    assertThat(f.index.replicaShapedNames()).contains("gold-r001", "gold-r002");
  }

  @Test
  void aGroupWithOnlyACopyingMasterCopiesFromItAndSaysSo() {
    StoreModel store = new StoreModel(LIMIT_2);
    store.master("seed", "seed-origin", GOLD2, null, ContainerState.READY);
    store.master("gold", "gold-r001", GOLD, "seed-origin", ContainerState.COPYING);
    StageFixture f = StageFixture.of(store, Demand.of(GOLD, "vm", 3));

    GroupPlanner.plan(f.run, GOLD, "gold");

    assertThat(f.run.copies).singleElement().satisfies(c -> {
      assertThat(c.sources).containsExactly("gold-r001");
      assertThat(c.waitNote).contains("no ready master");
    });
  }

  @Test
  void listsTheVmsItCannotServe() {
    PlanningPolicy capped = PlanningPolicy.builder().maxMastersPerGroup(1).build();
    StageFixture f =
        StageFixture.of(capped, StoreModel.withOrigin(LIMIT_2), Demand.of(GOLD, "vm", 3));

    GroupPlanner.plan(f.run, GOLD, "gold");

    assertThat(f.run.shortfalls).singleElement().satisfies(s -> {
      assertThat(s.limit()).isEqualTo(Shortfall.Limit.REPLICA_CAP);
      assertThat(s.vms()).extracting(VmId::value).containsExactly("vm-00003");
      assertThat(s.reason()).startsWith("1 of 3 VM(s) of win11@2026.11 get no clone:");
    });
    assertThat(f.run.copies).isEmpty();
    assertThat(f.run.clones).hasSize(2);
  }
}
