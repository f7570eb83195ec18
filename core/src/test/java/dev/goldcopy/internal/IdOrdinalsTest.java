package dev.goldcopy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdOrdinalsTest {
  private static final StoreRef STORE = StoreRef.of("t", "s");

  private static Container master(String id) {
    return new Container(ContainerId.of(id), "m-" + id, ContainerKind.PHYSICAL_MASTER,
        ContentId.of("img", "1"), GroupId.of("g"), null, STORE, 1L << 30, ContainerState.READY,
        Labels.empty());
  }

  /** "Aa" and "BB" (and their concatenations) share a hash: the table must read the ids. */
  @Test
  void idsWithTheSameHashAreToldApart() {
    List<String> ids = List.of("AaAa", "AaBB", "BBAa", "BBBB");
    assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
    List<Container> masters = new ArrayList<>();
    ids.forEach(id -> masters.add(master(id)));
    IdOrdinals ordinals = new IdOrdinals(masters);
    for (int round = 0; round < 3; round++) {
      for (int i = ids.size() - 1; i >= 0; i--) {
        assertThat(ordinals.ordinal(ContainerId.of(ids.get(i)))).isEqualTo(i);
      }
    }
    assertThat(ordinals.ordinal(ContainerId.of("AaAaAa"))).isEqualTo(-1);
  }

  /** Cycles, repeats, random jumps and absent ids, in one sequence: every answer is right. */
  @Test
  void answersLikeAMapWhateverTheOrderOfLookups() {
    List<Container> masters = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      masters.add(master("sim-" + (i * 7 + 3)));
    }
    IdOrdinals ordinals = new IdOrdinals(masters);
    assertThat(ordinals.size()).isEqualTo(2000);
    Random random = new Random(42);
    int[] cycle = random.ints(500, 0, 2000).toArray();
    for (int lookup = 0; lookup < 20_000; lookup++) {
      int kind = random.nextInt(10);
      int expected = kind < 6 ? cycle[lookup % cycle.length] : kind < 9 ? random.nextInt(2000) : -1;
      String id = expected < 0 ? "sim-" + (2000 * 7 + random.nextInt(100)) : "sim-" + (expected * 7 + 3);
      assertThat(ordinals.ordinal(ContainerId.of(id))).as(id).isEqualTo(expected);
    }
  }

  @Test
  void anEmptyTableFindsNothing() {
    assertThat(new IdOrdinals(List.of()).ordinal(ContainerId.of("x"))).isEqualTo(-1);
  }
}
