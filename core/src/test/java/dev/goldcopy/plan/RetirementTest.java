package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import org.junit.jupiter.api.Test;

class RetirementTest {
  private static final ArrayCapabilities CAPS = ArrayCapabilities.builder()
      .maxVirtualCopiesPerSource(2).totalCapacityBytes(100 * IMAGE).freeCapacityBytes(IMAGE)
      .build();

  private static GroupScope sized(StageFixture f) {
    GroupScope g = f.group(GOLD);
    MasterSlots.open(f.run, g);
    return g;
  }

  @Test
  void retiresEmptyReadyReplicasHighestOrdinalFirstAndNeverTheOthers() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r003", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r004", GOLD, "gold-origin", ContainerState.READY);
    store.master("gold", "gold-r005", GOLD, "gold-r004", ContainerState.COPYING);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00002", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00003", "gold-r001", GOLD, ContainerState.READY);
    store.clone("vm-gone", "gold-r003", GOLD, ContainerState.READY);
    StageFixture f = StageFixture.of(store, Demand.of(GOLD, "vm", 3));
    GroupScope g = sized(f);
    long freeBefore = f.run.capacity.available();

    Retirement.retire(f.run, g);

    // 2 masters needed of 6: the origin, a master with clones, a copy's source and a copy stay.
    assertThat(g.retired).isEqualTo(2);
    assertThat(f.run.retirements).extracting(PlanStep::id)
        .containsExactly("delete:gold-r003", "delete:gold-r002");
    assertThat(f.run.retirements.get(0).dependsOn()).containsExactly("delete:vm-gone");
    assertThat(f.run.retirements.get(0).reason()).contains("needs 2 master(s) and has 6");
    assertThat(g.slots).extracting(s -> s.name)
        .containsExactly("gold-origin", "gold-r001", "gold-r004", "gold-r005");
    assertThat(f.run.capacity.available()).isEqualTo(freeBefore + 2 * IMAGE);
  }

  @Test
  void retiresNothingWhenTheGroupNeedsItsMasters() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    StageFixture f = StageFixture.of(store, Demand.of(GOLD, "vm", 4));
    GroupScope g = sized(f);

    Retirement.retire(f.run, g);

    assertThat(g.retired).isZero();
    assertThat(f.run.retirements).isEmpty();
    assertThat(g.slots).hasSize(2);
  }
}
