package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import org.junit.jupiter.api.Test;

class ReplicaBudgetTest {

  private static GroupScope bound(PlanningPolicy policy, ArrayCapabilities caps, int vms) {
    StageFixture f = StageFixture.of(policy, StoreModel.withOrigin(caps), Demand.of(GOLD, "vm",
        vms));
    GroupScope g = f.group(GOLD);
    MasterSlots.open(f.run, g);
    Retirement.retire(f.run, g);
    ReplicaBudget.bound(f.run, g);
    return g;
  }

  private static ArrayCapabilities limit(int perSource) {
    return ArrayCapabilities.builder().maxVirtualCopiesPerSource(perSource).build();
  }

  @Test
  void theMasterCapBindsAndLeavesVmsShort() {
    GroupScope g = bound(PlanningPolicy.builder().maxMastersPerGroup(2).build(), limit(4), 10);

    assertThat(g.newMasters).isEqualTo(1);
    assertThat(g.toMake).isEqualTo(8);
    assertThat(g.bound).isEqualTo(Shortfall.Limit.REPLICA_CAP);
    assertThat(g.boundNote)
        .isEqualTo(" The master cap of 2 bound: 1 new replica(s) instead of 2.");
  }

  @Test
  void aCappedGroupStillServedUnderTheHardLimitIsNotShort() {
    GroupScope g = bound(PlanningPolicy.builder().cloneRatio(4).maxMastersPerGroup(2).build(),
        limit(8), 12);

    assertThat(g.newMasters).isEqualTo(1);
    assertThat(g.toMake).isEqualTo(12);
    assertThat(g.bound).isNull();
    assertThat(g.boundNote).contains("master cap of 2");
  }

  @Test
  void capacityPaysForTheReplicaCountThatPlacesTheMostClones() {
    ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesPerSource(4)
        .totalCapacityBytes(10 * IMAGE).freeCapacityBytes(IMAGE + 100).build();

    GroupScope g = bound(PlanningPolicy.builder().expectedCloneGrowthBytes(10).build(), caps, 12);

    assertThat(g.newMasters).isEqualTo(1);
    assertThat(g.toMake).isEqualTo(8);
    assertThat(g.bound).isEqualTo(Shortfall.Limit.CAPACITY);
    assertThat(g.boundNote).isEqualTo(" Free capacity (" + (IMAGE + 100) + " bytes) pays for 1"
        + " of 2 replica(s) at " + IMAGE + " bytes and 8 clone(s) at 10 bytes.");
  }

  @Test
  void theArrayTotalBindsTheClones() {
    GroupScope g = bound(PlanningPolicy.defaults(),
        ArrayCapabilities.builder().maxVirtualCopiesTotal(5).build(), 8);

    assertThat(g.newMasters).isZero();
    assertThat(g.toMake).isEqualTo(5);
    assertThat(g.bound).isEqualTo(Shortfall.Limit.ARRAY_TOTAL);
    assertThat(g.boundNote).contains("virtual copy total (5) leaves room for 5 more clone(s)");
  }

  @Test
  void nothingBindsWhenEverythingFits() {
    GroupScope g = bound(PlanningPolicy.defaults(), limit(4), 12);

    assertThat(g.newMasters).isEqualTo(2);
    assertThat(g.toMake).isEqualTo(12);
    assertThat(g.bound).isNull();
    assertThat(g.boundNote).isEmpty();
  }

  @Test
  void affordableIsWhatIsLeftAfterTheReplicas() {
    assertThat(ReplicaBudget.affordable(100, 2, 10, 40, 5, 7)).isEqualTo(4); // (100 - 80) / 5
    assertThat(ReplicaBudget.affordable(100, 2, 10, 40, 0, 7)).isEqualTo(7); // the total
    assertThat(ReplicaBudget.affordable(100, 2, 3, 40, 0, 7)).isEqualTo(3); // placeable
    assertThat(ReplicaBudget.affordable(100, 3, 10, 40, 5, 7)).isEqualTo(-1);
    assertThat(ReplicaBudget.affordable(Long.MAX_VALUE - 1, Long.MAX_VALUE, 1, 2, 0, 1))
        .as("the replicas' cost saturates").isEqualTo(-1);
  }
}
