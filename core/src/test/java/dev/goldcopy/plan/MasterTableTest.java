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
}
