package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistinctCheckTest {

  @Test
  void answersAsAHashSetDoesForTheValuesItWasSizedFor() {
    Random random = new Random(11);
    for (int size : new int[] {0, 1, 12, 13, 1_000, 50_000}) {
      DistinctCheck check = new DistinctCheck(size);
      Set<Object> model = new HashSet<>();
      for (int i = 0; i < size; i++) {
        Object value =
            random.nextBoolean()
                ? "name-" + random.nextInt(size + 1)
                : ContainerId.of("id-" + random.nextInt(size + 1));
        assertThat(check.add(value)).as("value %s of %s", i, size).isEqualTo(model.add(value));
      }
    }
  }
}
