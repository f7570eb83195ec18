package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels hold what every adapter can store, sorted and immutable, and refuse the rest by key. */
class LabelsTest {

  @Test
  void keepsEntriesSortedAndAnswersLookups() {
    Labels labels = Labels.of("goldcopy.dev/owner", "team-a", "app", "vdi");

    assertThat(labels.asMap().keySet()).containsExactly("app", "goldcopy.dev/owner");
    assertThat(labels.get("app")).contains("vdi");
    assertThat(labels.get("missing")).isEmpty();
    assertThat(labels.has("goldcopy.dev/owner", "team-a")).isTrue();
    assertThat(labels.has("goldcopy.dev/owner", "team-b")).isFalse();
    assertThat(labels.with("app", "lab").get("app")).contains("lab");
    assertThat(labels.get("app")).as("with() leaves the original alone").contains("vdi");
    assertThat(Labels.of(Map.of())).isSameAs(Labels.empty());
    assertThat(Labels.of(Map.of("a", "1"))).isEqualTo(Labels.of("a", "1"));
  }

  @Test
  void cannotBeChangedThroughTheMap() {
    Map<String, String> source = new HashMap<>(Map.of("a", "1"));
    Labels labels = Labels.of(source);
    source.put("b", "2");

    assertThat(labels.asMap()).containsOnlyKeys("a");
    assertThatThrownBy(() -> labels.asMap().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesWhatSomeArrayCouldNotStoreNamingTheKey() {
    assertThatThrownBy(() -> Labels.of("Upper", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Upper'");
    assertThatThrownBy(() -> Labels.of("-lead", "x")).hasMessageContaining("'-lead'");
    assertThatThrownBy(() -> Labels.of("k".repeat(64), "x")).hasMessageContaining("63");
    assertThatThrownBy(() -> Labels.of("k", "é".repeat(128)))
        .hasMessageContaining("value of 'k'")
        .hasMessageContaining("255 UTF-8 bytes");
    assertThatThrownBy(() -> Labels.of("k", "a\nb")).hasMessageContaining("control");
    assertThatThrownBy(() -> Labels.of("k", "1", "k", "2")).hasMessageContaining("twice");
    assertThatThrownBy(() -> Labels.of("k")).hasMessageContaining("odd");
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= Labels.MAX_ENTRIES; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> Labels.of(many)).hasMessageContaining("at most 32");
  }

  @Test
  void acceptsTheLimitsExactly() {
    Labels edge = Labels.of("k".repeat(63), "é".repeat(127) + "x");

    assertThat(edge.asMap()).hasSize(1);
  }
}
