package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InventoryIndexTest {
  private static final ArrayCapabilities CAPS = ArrayCapabilities.builder().build();

  @Test
  void claimsEachCloneOnceAndStillKnowsItsName() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));

    assertThat(index.cloneCount()).isEqualTo(1);
    assertThat(index.isClaimed(1)).isFalse();
    assertThat(index.claimClone("vm-00001")).extracting(Container::name).isEqualTo("vm-00001");
    assertThat(index.isClaimed(1)).isTrue();
    assertThat(index.claimClone("vm-00001")).as("claimed once").isNull();
    assertThat(index.claimClone("vm-00002")).isNull();
    assertThat(index.isCloneName("vm-00001")).isTrue();
    assertThat(index.isCloneName("gold-origin")).as("a master").isFalse();
  }

  @Test
  void findsEveryCloneAmongThousandsOfSimilarNames() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    for (int i = 1; i <= 3000; i++) {
      store.clone(String.format(Locale.ROOT, "vm-%05d", i), "gold-origin", GOLD,
          ContainerState.READY);
    }
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));

    for (int i = 1; i <= 3000; i++) {
      String name = String.format(Locale.ROOT, "vm-%05d", i);
      assertThat(index.isCloneName(name)).isTrue();
      assertThat(index.claimClone(name)).extracting(Container::name).isEqualTo(name);
    }
    assertThat(index.isCloneName("vm-03001")).isFalse();
    assertThat(index.claimClone("vm-00007")).isNull();
  }

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
    assertThat(index.masterCount()).isEqualTo(4);
    int m = index.masterOrdinal(copying.id());
    assertThat(index.masterAt(m)).isEqualTo(copying);
    assertThat(index.contentAt(m)).isEqualTo(GOLD);
    assertThat(index.masterOrdinal(ContainerId.of(copying.id().value()))).as("by value")
        .isEqualTo(m);
    assertThat(index.masterOrdinal(ContainerId.of("unknown"))).isEqualTo(-1);
    assertThat(index.kept(copying.id())).isZero();
    index.addKept(m);
    index.addKept(m);
    assertThat(index.kept(copying.id())).isEqualTo(2);
    assertThat(index.keptAt(m)).isEqualTo(2);
    assertThat(index.keptOnMasters()).isEqualTo(2);
    assertThat(index.kept(ContainerId.of("unknown"))).isZero();
    assertThat(index.isChosen(m)).isFalse();
    index.markChosen(copying.id());
    assertThat(index.isChosen(m)).isTrue();
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
