package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MasterTableTest {

  @Test
  void findsMastersByIdValueAndCountsTheirKeptClones() {
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    Container other = store.master("gold2", "gold2-origin", GOLD2, null, ContainerState.FAILED);
    MasterTable table = new MasterTable();
    List<Container> masters = store.masters();
    masters.forEach(table::add);
    table.seal();

    assertThat(table.count()).isEqualTo(2);
    int m = table.ordinal(ContainerId.of(other.id().value()));
    assertThat(table.at(m)).isEqualTo(other);
    assertThat(table.contentAt(m)).isEqualTo(GOLD2);
    assertThat(table.ordinal(ContainerId.of("unknown"))).isEqualTo(-1);
    table.addKept(m);
    table.addKept(m);
    table.addKept(table.ordinal(masters.get(0).id()));
    assertThat(table.keptAt(m)).isEqualTo(2);
    assertThat(table.kept(other.id())).isEqualTo(2);
    assertThat(table.kept(ContainerId.of("unknown"))).isZero();
    assertThat(table.keptTotal()).isEqualTo(3);
    assertThat(table.isChosen(m)).isFalse();
    table.markChosen(other.id());
    assertThat(table.isChosen(m)).isTrue();
    assertThatThrownBy(() -> table.markChosen(ContainerId.of("unknown")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void holdsThousandsOfMastersWithSimilarIds() {
    StoreModel store = new StoreModel(ArrayCapabilities.builder().build());
    List<Container> masters = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      masters.add(store.master("gold", "gold-r" + (1000 + i), GOLD, null, ContainerState.READY));
    }
    MasterTable table = new MasterTable();
    masters.forEach(table::add);
    table.seal();

    for (int i = 0; i < masters.size(); i++) {
      assertThat(table.ordinal(masters.get(i).id())).isEqualTo(i);
    }
    assertThat(new MasterTable().ordinal(ContainerId.of("id-1"))).as("empty").isEqualTo(-1);
  }

  /**
   * Ordinals are found whatever the order of the lookups: the same master again and again, the
   * masters in turn, at random, and ids of no master in between.
   */
  @Test
  void findsEachMasterWhateverTheOrderOfTheLookups() {
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    for (int i = 1; i < 3000; i++) {
      store.master("gold", String.format(Locale.ROOT, "gold-r%04d", i), GOLD, "gold-origin",
          ContainerState.READY);
    }
    MasterTable table = new MasterTable();
    List<Container> masters = store.masters();
    masters.forEach(table::add);
    table.seal();
    List<Integer> lookups = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int m = 0; m < masters.size(); m++) {
        lookups.add(m);
        lookups.add(m);
      }
    }
    java.util.Random random = new java.util.Random(17);
    for (int i = 0; i < 20_000; i++) {
      lookups.add(random.nextInt(masters.size() + 1) - 1);
    }
    for (int m : lookups) {
      if (m < 0) {
        assertThat(table.ordinal(ContainerId.of("no-master-" + m))).isEqualTo(-1);
      } else {
        // A copy of the id, as another container's source holds it.
        ContainerId id = ContainerId.of(new StringBuilder(masters.get(m).id().value()).toString());
        assertThat(table.ordinal(id)).as("master %s", m).isEqualTo(m);
      }
    }
  }
}
