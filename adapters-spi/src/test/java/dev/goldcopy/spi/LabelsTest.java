package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
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
  void findsAKeyByValueAsByTheInstanceItWasMadeWith() {
    String[] keys = new String[10];
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "key-" + i;
      entries.put(keys[i], "value-" + i);
    }
    Labels labels = Labels.of(entries);

    for (int i = 0; i < keys.length; i++) {
      String copy = new StringBuilder(keys[i]).toString();
      assertThat(labels.get(keys[i])).contains("value-" + i);
      assertThat(labels.get(copy)).as("an equal key, another instance").contains("value-" + i);
    }
    assertThat(labels.get("key-10")).isEmpty();
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

  @Test
  void equalsAndHashesAsASortedMapDoes() {
    Map<String, String> unsorted = new LinkedHashMap<>();
    unsorted.put("zone", "b");
    unsorted.put("app", "vdi");
    unsorted.put("goldcopy.dev/vm", "vm-7");
    TreeMap<String, String> tree = new TreeMap<>(unsorted);
    Labels labels = Labels.of(unsorted);

    assertThat(labels.entries()).isEqualTo(tree);
    assertThat(tree).isEqualTo(labels.entries());
    assertThat(labels.entries().hashCode()).isEqualTo(tree.hashCode());
    assertThat(labels.toString()).isEqualTo(tree.toString());
    assertThat(labels).isEqualTo(new Labels(tree)).hasSameHashCodeAs(new Labels(tree));
    assertThat(labels.entries().firstKey()).isEqualTo("app");
    assertThat(labels.entries().lastKey()).isEqualTo("zone");
    assertThat(labels.entries().headMap("goldcopy.dev/vm")).containsOnlyKeys("app");
    assertThat(labels).isNotEqualTo(Labels.of("zone", "b", "app", "vdi"));
  }

  @Test
  void withAddsAKeyInOrderAndChecksIt() {
    Labels labels = Labels.of("b", "2", "d", "4");

    assertThat(labels.with("c", "3").asMap().keySet()).containsExactly("b", "c", "d");
    assertThat(labels.with("a", "1").asMap().keySet()).containsExactly("a", "b", "d");
    assertThat(labels.with("e", "5").asMap().keySet()).containsExactly("b", "d", "e");
    assertThat(labels.with("d", "four")).isEqualTo(Labels.of("b", "2", "d", "four"));
    assertThatThrownBy(() -> labels.with("Bad", "x")).hasMessageContaining("'Bad'");
    assertThatThrownBy(() -> labels.with("d", "a\tb")).hasMessageContaining("control");
  }

  @Test
  void checksEachKeyAgainWhereverItAppears() {
    Labels.of("fine", "x");

    assertThatThrownBy(() -> Labels.of("fine", "x", "not fine", "y"))
        .hasMessageContaining("'not fine'");
    assertThatThrownBy(() -> Labels.of("fine", "a\u0000b")).hasMessageContaining("control");
    assertThatThrownBy(() -> Labels.of("fine", "\uD83D\uDE00".repeat(64)))
        .hasMessageContaining("255 UTF-8 bytes");
    assertThat(Labels.of("fine", "\uD83D\uDE00".repeat(63) + "abc").get("fine")).isPresent();
  }

  @Test
  void reportsTheFirstBadEntryInKeyOrder() {
    assertThatThrownBy(() -> Labels.of("b-key", "ok", "a-key", "bad\nvalue", "c key", "ok"))
        .hasMessageContaining("value of 'a-key'");
  }

  @Test
  void sharesRepeatedValues() {
    String first = new String("team-a");
    String second = new String("team-a");

    Labels one = Labels.of("owner", first, "vm", "vm-1");
    Labels two = Labels.of("owner", second, "vm", "vm-2");

    assertThat(two.get("owner").orElseThrow()).isSameAs(one.get("owner").orElseThrow());
    assertThat(two.get("vm")).contains("vm-2");
  }

  @Test
  void labelSetsThatShareMostValuesReadAndCompareAsIfEachHeldItsOwn() {
    String[] keys = {"sharing.test/a", "sharing.test/b", "sharing.test/c", "sharing.test/d"};
    java.util.List<Labels> made = new java.util.ArrayList<>();
    java.util.List<TreeMap<String, String>> expected = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 500; n++) {
      TreeMap<String, String> entries = new TreeMap<>();
      for (int i = 0; i < keys.length; i++) {
        // mostly the same values, now and then one, two or all four different
        entries.put(keys[i], random.nextInt(4) == 0 ? "v" + random.nextInt(5) : "same-" + i);
      }
      made.add(Labels.of(entries));
      expected.add(entries);
    }
    for (int n = 0; n < made.size(); n++) {
      Labels labels = made.get(n);
      TreeMap<String, String> entries = expected.get(n);
      assertThat(labels.asMap()).isEqualTo(entries);
      assertThat(entries).isEqualTo(labels.asMap());
      assertThat(labels.asMap().hashCode()).isEqualTo(entries.hashCode());
      assertThat(labels.asMap().toString()).isEqualTo(entries.toString());
      assertThat(labels.asMap().entrySet()).containsExactlyElementsOf(entries.entrySet());
      for (String key : keys) {
        assertThat(labels.get(key)).contains(entries.get(key));
      }
      assertThat(labels.with(keys[0], "changed").asMap())
          .containsEntry(keys[0], "changed")
          .containsEntry(keys[3], entries.get(keys[3]));
      for (int m = 0; m < made.size(); m += 37) {
        assertThat(labels.equals(made.get(m))).isEqualTo(entries.equals(expected.get(m)));
      }
    }
  }
}
