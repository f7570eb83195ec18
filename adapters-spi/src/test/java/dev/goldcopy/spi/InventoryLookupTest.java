package dev.goldcopy.spi;

import static dev.goldcopy.spi.ContainerTest.master;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An inventory finds its containers by id and by name as a map would, whatever the listing's
 * order, and still refuses repeated ids and names, naming them.
 */
class InventoryLookupTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");

  @Test
  void findsByIdAndNameAsAMapWould() {
    Random random = new Random(5);
    for (int size : new int[] {0, 1, 12, 13, 1_000, 20_000}) {
      List<Container> listed = new ArrayList<>();
      Map<String, Container> byName = new HashMap<>();
      if (size > 0) {
        listed.add(master("origin", null));
      }
      for (int i = 1; i < size; i++) {
        listed.add(ContainerTest.clone("vm-" + i, "origin"));
      }
      Collections.shuffle(listed, random);
      listed.forEach(c -> byName.put(c.name(), c));
      Inventory inventory = new Inventory(STORE, listed);

      assertThat(inventory.containers()).containsExactlyElementsOf(listed);
      for (int probe = 0; probe < 2_000; probe++) {
        String name = random.nextInt(4) == 0 ? "absent-" + probe : "vm-" + random.nextInt(size + 1);
        Container expected = byName.get(name);
        assertThat(inventory.named(name)).as(name).isEqualTo(expected);
        assertThat(inventory.findByName(name)).isEqualTo(java.util.Optional.ofNullable(expected));
        assertThat(inventory.find(ContainerId.of(name)))
            .isEqualTo(java.util.Optional.ofNullable(expected));
      }
    }
  }

  /**
   * Names that differ only in their last character have consecutive hashes, which start their
   * probes in the same group of slots: dense runs, with the absent names' hashes among them.
   */
  @Test
  void namesWithConsecutiveHashesAreFoundAndTheGapsBetweenThemAreNot() {
    List<Container> listed = new ArrayList<>();
    listed.add(master("origin", null));
    for (char c = 0x100; c < 0x400; c += 2) {
      listed.add(ContainerTest.clone("vm-" + c, "origin"));
    }
    Inventory inventory = new Inventory(STORE, listed);

    for (char c = 0x100; c < 0x400; c++) {
      String name = "vm-" + c;
      boolean present = c % 2 == 0;
      assertThat(inventory.indexOfName(name) >= 0).as(name).isEqualTo(present);
      if (present) {
        assertThat(inventory.named(name)).extracting(Container::name).isEqualTo(name);
        assertThat(inventory.find(ContainerId.of(name))).isPresent();
      }
    }
  }

  /** "Aa" and "BB" share a hash: the tables must compare the names themselves. */
  @Test
  void namesWithTheSameHashAreToldApart() {
    Inventory inventory =
        new Inventory(
            STORE,
            List.of(
                master("AaAa", null),
                ContainerTest.clone("BBBB", "AaAa"),
                ContainerTest.clone("AaBB", "AaAa")));
    assertThat(inventory.named("BBBB")).isEqualTo(ContainerTest.clone("BBBB", "AaAa"));
    assertThat(inventory.named("BBAa")).isNull();
    assertThatThrownBy(() -> new Inventory(STORE, List.of(ContainerTest.clone("AaBB", "o"), ContainerTest.clone("AaBB", "o"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate id AaBB");
  }

  @Test
  void aRepeatedNameUnderAnotherIdIsRefusedByName() {
    Container a = ContainerTest.clone("vm-1", "o");
    Container b =
        new Container(ContainerId.of("other-id"), "vm-1", a.kind(), a.content(), null, a.source(),
            a.store(), a.sizeBytes(), a.state(), a.labels());
    assertThatThrownBy(() -> new Inventory(STORE, List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate name vm-1");
  }

  @Test
  void isAnImmutableListEqualToAPlainOne() {
    List<Container> listed = List.of(master("o", null), ContainerTest.clone("c", "o"));
    Inventory inventory = new Inventory(STORE, new ArrayList<>(listed));
    assertThat(inventory.containers()).isEqualTo(listed).hasSameHashCodeAs(listed);
    assertThat(inventory).isEqualTo(new Inventory(STORE, listed));
    assertThatThrownBy(() -> inventory.containers().add(ContainerTest.clone("d", "o")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Inventory(STORE, Arrays.asList(master("o", null), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("containers[1]");
  }
}
