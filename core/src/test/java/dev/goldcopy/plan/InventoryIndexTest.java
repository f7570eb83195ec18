package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import org.junit.jupiter.api.Test;

class InventoryIndexTest {
  private static final ArrayCapabilities CAPS = ArrayCapabilities.builder().build();

  @Test
  void groupsLiveAndFailedMastersByNameAndKnowsTheCopySources() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.READY);
    Container copying =
        store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.COPYING);
    store.master("gold", "gold-r003", GOLD, "gold-origin", ContainerState.FAILED);
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));

    assertThat(index.live("gold")).extracting(Container::name)
        .containsExactly("gold-origin", "gold-r001", "gold-r002");
    assertThat(index.failed("gold")).extracting(Container::name).containsExactly("gold-r003");
    assertThat(index.failed("other")).isEmpty();
    assertThat(index.liveByGroup()).containsOnlyKeys("gold");
    assertThat(index.isCopySource(index.live("gold").get(0).id())).isTrue();
    assertThat(index.isCopySource(copying.id())).isFalse();
    assertThat(index.masters().count()).isEqualTo(4);
    assertThat(index.masters().at(index.masters().ordinal(copying.id()))).isEqualTo(copying);
    assertThat(index.clones().count()).isZero();
  }

  @Test
  void collectsNamesShapedLikeReplicasInventoryAndPlanned() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("gold", "gold-r004", GOLD, "gold-origin", ContainerState.FAILED);
    store.master("gold", "gold-spare", GOLD, "gold-origin", ContainerState.READY);
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));

    assertThat(index.replicaShapedNames()).containsExactly("gold-r004");
    index.addReplicaName("gold-r001");
    index.addReplicaName("gold-extra");
    assertThat(index.replicaShapedNames()).containsExactly("gold-r004", "gold-r001");
  }

  @Test
  void looksUpDemandedVmsAndMastersTheyName() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    Container clone = store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    Demand demand = Demand.builder().add(VmId.of("vm-00002"), GOLD)
        .add(VmId.of("gold-origin"), GOLD).build();
    InventoryIndex index = InventoryIndex.of(store.input(demand));

    assertThat(index.namesMaster("gold-origin")).isTrue();
    assertThat(index.namesMaster("vm-00002")).isFalse();
    assertThat(index.demandHas("vm-00002")).isTrue();
    assertThat(index.demandHas("vm-00003")).isFalse();
    assertThat(index.demandHas("aaa")).isFalse();
    assertThat(index.demandHas("zzz")).isFalse();
    assertThatThrownBy(() -> index.demandHas("gold r001"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white space");
    assertThat(index.isClone(clone.id())).isTrue();
    assertThat(index.isClone(index.live("gold").get(0).id())).isFalse();
  }
}
