package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersByIdTest {
  private static final long GIB = 1L << 30;
  private final SimStore store = new SimStore(StoreRef.of("t", "s"), 1L << 40, 0);

  private SimContainer container(ContainerId id) {
    return new SimContainer(id, "c-" + id.value(), ContainerKind.PHYSICAL_MASTER, TestArrays.WIN11,
        TestArrays.GROUP, null, null, store, GIB, GIB, 0, ContainerState.READY, Labels.empty());
  }

  @Test
  void findsWhatItMadeAndNothingElse() {
    ContainersById byId = new ContainersById();
    List<SimContainer> made = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SimContainer c = container(byId.nextId());
      byId.add(c);
      made.add(c);
    }
    for (SimContainer c : made) {
      assertThat(byId.get(ContainerId.of(c.id().value()))).isSameAs(c);
    }
    assertThat(made.get(0).id().value()).isEqualTo("sim-1");
    for (String other : List.of("sim-0", "sim-01", "sim-41", "sim-", "sim-1x", "SIM-1", "x-1",
        "sim-99999999999999999999", "sim--1", "1")) {
      assertThat(byId.get(ContainerId.of(other))).as(other).isNull();
    }
  }

  @Test
  void removesAndListsInTheOrderMade() {
    ContainersById byId = new ContainersById();
    List<SimContainer> made = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SimContainer c = container(byId.nextId());
      byId.add(c);
      made.add(c);
    }
    byId.remove(made.get(3));
    byId.remove(made.get(17));
    byId.remove(made.get(3)); // twice: nothing more happens
    assertThat(byId.get(made.get(3).id())).isNull();
    List<SimContainer> expected = new ArrayList<>(made);
    expected.remove(17);
    expected.remove(3);
    assertThat(byId.values()).containsExactlyElementsOf(expected);
  }

  @Test
  void refusesAnIdItDidNotMake() {
    ContainersById byId = new ContainersById();
    byId.nextId();
    assertThatThrownBy(() -> byId.add(container(ContainerId.of("sim-7"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sim-7");
    assertThatThrownBy(() -> byId.add(container(ContainerId.of("volume-1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
