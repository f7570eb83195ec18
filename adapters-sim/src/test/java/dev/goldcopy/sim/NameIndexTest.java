package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NameIndexTest {
  private static final SimStore STORE =
      new SimStore(new StoreRef(TenantId.of("t"), StoreId.of("s")), 1L << 40, 0);

  private static SimContainer container(String name) {
    return new SimContainer(ContainerId.of("id-" + name), name, ContainerKind.PHYSICAL_MASTER,
        TestArrays.WIN11, TestArrays.GROUP, null, null, STORE, 1, 1, 0, ContainerState.READY,
        Labels.empty());
  }

  @Test
  void findsAndListsAsAnInsertionOrderedMapUnderRandomAddsAndRemoves() {
    checkAgainstMap(UnaryOperator.identity(), 1);
    checkAgainstMap(name -> name.toLowerCase(Locale.ROOT), 2);
  }

  private static void checkAgainstMap(UnaryOperator<String> keyOf, long seed) {
    Random random = new Random(seed);
    NameIndex index = new NameIndex();
    Map<String, SimContainer> model = new LinkedHashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String name = (random.nextBoolean() ? "vm-" : "VM-") + random.nextInt(3_000);
      String key = keyOf.apply(name);
      SimContainer found = index.get(key, keyOf);
      assertThat(found).isSameAs(model.get(key));
      if (found == null) {
        SimContainer c = container(name);
        index.add(c, key);
        model.put(key, c);
      } else if (random.nextInt(3) > 0) {
        found.removed = true;
        index.remove(found, key);
        model.remove(key);
      }
      assertThat(index.size()).isEqualTo(model.size());
    }
    assertThat(index.inOrder()).containsExactlyElementsOf(new ArrayList<>(model.values()));
    List<String> keys = new ArrayList<>(model.keySet());
    for (String key : keys) {
      SimContainer c = java.util.Objects.requireNonNull(index.get(key, keyOf));
      assertThat(c).isSameAs(model.get(key));
      c.removed = true;
      index.remove(c, key);
    }
    assertThat(index.size()).isZero();
    assertThat(index.inOrder()).isEmpty();
    assertThat(index.get(keyOf.apply("vm-1"), keyOf)).isNull();
  }
}
