package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloneTableTest {
  private static final ArrayCapabilities CAPS = ArrayCapabilities.builder().build();

  private static CloneTable clonesOf(StoreModel store) {
    Inventory inventory = store.inventory();
    List<Container> containers = inventory.containers();
    CloneTable table = new CloneTable(inventory);
    for (int i = 0; i < containers.size(); i++) {
      if (!containers.get(i).isMaster()) {
        table.add(i);
      }
    }
    return table;
  }

  @Test
  void claimsEachCloneOnceAndStillKnowsItsName() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    CloneTable clones = clonesOf(store);

    assertThat(clones.count()).isEqualTo(1);
    assertThat(clones.isClaimed(1)).isFalse();
    assertThat(clones.claim("vm-00001")).extracting(Container::name).isEqualTo("vm-00001");
    assertThat(clones.isClaimed(1)).isTrue();
    assertThat(clones.claim("vm-00001")).as("claimed once").isNull();
    assertThat(clones.claim("vm-00002")).isNull();
    assertThat(clones.contains("vm-00001")).as("claimed, still a clone's name").isTrue();
    assertThat(clones.contains("gold-origin")).as("a master").isFalse();
  }

  @Test
  void findsEveryCloneAmongThousandsOfSimilarNames() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    for (int i = 1; i <= 3000; i++) {
      store.clone(String.format(Locale.ROOT, "vm-%05d", i), "gold-origin", GOLD,
          ContainerState.READY);
    }
    CloneTable clones = clonesOf(store);

    for (int i = 1; i <= 3000; i++) {
      String name = String.format(Locale.ROOT, "vm-%05d", i);
      assertThat(clones.contains(name)).isTrue();
      assertThat(clones.claim(name)).extracting(Container::name).isEqualTo(name);
    }
    assertThat(clones.contains("vm-03001")).isFalse();
    assertThat(clones.claim("vm-00007")).isNull();
  }

  @Test
  void findsTheSameClonesWhateverTheOrderOfTheInventoryAndOfTheClaims() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      names.add(String.format(Locale.ROOT, "vm-%05d", 3 * i));
    }
    List<String> shuffled = new ArrayList<>(names);
    Collections.shuffle(shuffled, new Random(3));
    for (List<String> inventoryOrder : List.of(names, shuffled)) {
      StoreModel store = StoreModel.withOrigin(CAPS);
      inventoryOrder.forEach(n -> store.clone(n, "gold-origin", GOLD, ContainerState.READY));
      CloneTable clones = clonesOf(store);
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 1500; i++) {
        queries.add(String.format(Locale.ROOT, "vm-%05d", i));
      }
      // The first thousand in order, the rest at random.
      Collections.shuffle(queries.subList(1000, 1500), new Random(5));
      for (String q : queries) {
        boolean present = names.contains(q);
        assertThat(clones.contains(q)).as("%s", q).isEqualTo(present);
        if (present) {
          assertThat(clones.claim(q)).as("%s", q).extracting(Container::name).isEqualTo(q);
        } else {
          assertThat(clones.claim(q)).as("%s", q).isNull();
        }
      }
      assertThat(clones.claim("vm-00003")).as("claimed once").isNull();
      assertThat(clones.claim("vm-01497")).as("claimed once").isNull();
      assertThat(clones.contains("vm-00000")).isTrue();
      assertThat(clones.contains("a")).isFalse();
      assertThat(clones.contains("zz")).isFalse();
    }
  }

  @Test
  void anEmptyTableClaimsNothing() {
    CloneTable clones = clonesOf(StoreModel.withOrigin(CAPS));

    assertThat(clones.count()).isZero();
    assertThat(clones.claim("gold-origin")).isNull();
    assertThat(clones.contains("gold-origin")).isFalse();
  }

  /**
   * A store large enough for the table's filter, listed by name (walked beside the claims) and at
   * random (the hash table, with the guess of the next clone), claimed in name order and then out
   * of it: every claim finds what a plain map of the names finds, once.
   */
  @Test
  void aLargeStoreInAnyOrderAnswersAsAMapOfItsNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      names.add(String.format(Locale.ROOT, "vm-%06d", 2 * i + (i % 7 == 0 ? 1 : 0)));
    }
    Collections.sort(names);
    List<String> shuffled = new ArrayList<>(names);
    Collections.shuffle(shuffled, new Random(11));
    List<String> runs = new ArrayList<>(names.subList(20_000, 40_000));
    runs.addAll(names.subList(0, 20_000));
    for (List<String> inventoryOrder : List.of(names, shuffled, runs)) {
      StoreModel store = StoreModel.withOrigin(CAPS);
      for (int i = 0; i < inventoryOrder.size(); i++) {
        store.clone(inventoryOrder.get(i), "gold-origin", GOLD, ContainerState.READY);
        if (i % 1000 == 0) {
          store.master("gold", "vm-" + i + "-r" + i, GOLD, "gold-origin", ContainerState.READY);
        }
      }
      CloneTable clones = clonesOf(store);
      Set<String> present = new HashSet<>(names);
      Set<String> claimed = new HashSet<>();
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 82_000; i++) {
        queries.add(String.format(Locale.ROOT, "vm-%06d", i));
      }
      queries.add("vm-000001"); // claimed twice in a row
      queries.add("vm-000001");
      Collections.shuffle(queries.subList(70_000, queries.size()), new Random(13));
      queries.addAll(List.of("vm-000000", "a", "zz", "vm-0-r0", "gold-origin"));
      for (String q : queries) {
        assertThat(clones.contains(q)).as("%s", q).isEqualTo(present.contains(q));
        Container c = clones.claim(q);
        if (present.contains(q) && claimed.add(q)) {
          assertThat(c).as("%s", q).extracting(Container::name).isEqualTo(q);
        } else {
          assertThat(c).as("%s", q).isNull();
        }
      }
      assertThat(claimed).hasSameSizeAs(names);
    }
  }

  /**
   * Claims the caller knows to rise (each above the last) find what plain claims find, whatever the
   * inventory's order, after claims out of order too.
   */
  @Test
  void risingClaimsFindWhatClaimsFind() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      names.add(String.format(Locale.ROOT, "vm-%05d", 2 * i));
    }
    List<String> shuffled = new ArrayList<>(names);
    Collections.shuffle(shuffled, new Random(19));
    for (List<String> inventoryOrder : List.of(names, shuffled)) {
      StoreModel store = StoreModel.withOrigin(CAPS);
      inventoryOrder.forEach(n -> store.clone(n, "gold-origin", GOLD, ContainerState.READY));
      CloneTable clones = clonesOf(store);
      assertThat(clones.claim("vm-00100")).extracting(Container::name).isEqualTo("vm-00100");
      assertThat(clones.claim("vm-00010")).as("out of order").extracting(Container::name)
          .isEqualTo("vm-00010");
      for (int i = 101; i < 4100; i++) {
        String q = String.format(Locale.ROOT, "vm-%05d", i);
        Container c = clones.claimAbove(q);
        if (i % 2 == 0 && i < 4000) {
          assertThat(c).as("%s", q).extracting(Container::name).isEqualTo(q);
        } else {
          assertThat(c).as("%s", q).isNull();
        }
      }
      assertThat(clones.claim("vm-00102")).as("claimed once").isNull();
      assertThat(clones.claim("vm-00008")).extracting(Container::name).isEqualTo("vm-00008");
    }
  }
}
