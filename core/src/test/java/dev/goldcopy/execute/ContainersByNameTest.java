package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The result's index of the final listing finds what a map of names would. */
class ContainersByNameTest {
  private static Container named(String name, int n) {
    return new Container(ContainerId.of("c-" + n), name, ContainerKind.PHYSICAL_MASTER,
        ContentId.of("win11", "1"), GroupId.of("win11"), null, StoreRef.of("acme", "pool-1"), 1L,
        ContainerState.READY);
  }

  @Test
  void itFindsWhatAMapOfNamesFindsWithRepeatsAndMissesOnRandomListings() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int size = random.nextInt(round < 20 ? 4 : 3_000);
      List<Container> listing = new ArrayList<>();
      Map<String, Container> expected = new HashMap<>();
      for (int i = 0; i < size; i++) {
        // few distinct names in some rounds, so names repeat; the later one wins, as in a map
        String name = "vm-" + random.nextInt(round % 3 == 0 ? Math.max(1, size / 4) : 1 << 20);
        Container c = named(name, i);
        listing.add(c);
        expected.put(name, c);
      }
      ContainersByName index = new ContainersByName(listing);
      for (Map.Entry<String, Container> e : expected.entrySet()) {
        assertThat(index.get(e.getKey())).isSameAs(e.getValue());
      }
      for (int miss = 0; miss < 50; miss++) {
        String name = "vm-" + (1 << 21) + random.nextInt(1 << 20);
        assertThat(index.get(name)).isNull();
      }
    }
  }

  @Test
  void anEmptyListingFindsNothing() {
    assertThat(new ContainersByName(List.of()).get("vm-1")).isNull();
  }
}
