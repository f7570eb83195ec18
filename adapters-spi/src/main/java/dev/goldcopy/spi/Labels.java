package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A small map of string labels on a container, set atomically when the container is created and
 * listed with it by {@link ArrayAdapter#inventory(StoreRef)}. The array keeps them durably (Ceph
 * image metadata, an array's volume tags or comments, a file's extended attributes), so that any
 * process can tell from the array alone who made a container and why.
 *
 * <p>Goldcopy records ownership in labels: which control plane manages a container, for which
 * replica group, content and virtual machine. Adapters store and return them unchanged; they never
 * interpret them.
 *
 * <p>Rules, checked here so that every adapter can store every valid label set: at most {@value
 * #MAX_ENTRIES} entries; a key is 1 to {@value #MAX_KEY_LENGTH} characters of {@code [a-z0-9./_-]}
 * starting with a letter or digit; a value is at most {@value #MAX_VALUE_BYTES} bytes in UTF-8, with
 * no control characters.
 *
 * <p>Label sets are compact and share what repeats: the keys of every label set with the same keys
 * are one checked array, and a value equal to the one last seen under the same keys is the same
 * string. Equality, ordering and {@link #toString()} are those of a sorted map.
 *
 * @param entries the labels, sorted by key; immutable
 */
public record Labels(SortedMap<String, String> entries) {

  /** The most labels one container may carry. */
  public static final int MAX_ENTRIES = 32;

  /** The longest key, in characters (all ASCII). */
  public static final int MAX_KEY_LENGTH = 63;

  /** The longest value, in UTF-8 bytes. */
  public static final int MAX_VALUE_BYTES = 255;

  private static final Labels EMPTY = new Labels(LabelMap.EMPTY);

  /**
   * Checks the labels and takes an immutable, sorted copy.
   *
   * @throws NullPointerException if the map, a key or a value is null
   * @throws IllegalArgumentException naming the key if a key or value breaks the rules, or if there
   *     are too many entries
   */
  public Labels {
    requireNonNull(entries, "entries");
    if (!(entries instanceof LabelMap)) {
      if (entries.size() > MAX_ENTRIES) {
        throw new IllegalArgumentException(
            "labels: at most " + MAX_ENTRIES + " entries, got " + entries.size());
      }
      Map.Entry<String[], String[]> arrays = LabelMap.sortedArrays(entries);
      entries = checked(arrays.getKey(), arrays.getValue());
    }
  }

  /**
   * Returns the empty label set.
   *
   * @return no labels
   */
  public static Labels empty() {
    return EMPTY;
  }

  /**
   * Returns labels holding {@code map}'s entries.
   *
   * @param map the labels
   * @return the checked labels
   * @throws IllegalArgumentException if a key or value breaks the rules
   */
  public static Labels of(Map<String, String> map) {
    if (map.isEmpty()) {
      return EMPTY;
    }
    if (map instanceof LabelMap labels) {
      return new Labels(labels);
    }
    return new Labels(map instanceof SortedMap<String, String> sorted ? sorted : sortedView(map));
  }

  /**
   * Returns labels of alternating keys and values: {@code of("team", "vdi", "tier", "gold")}.
   *
   * @param keysAndValues key, value, key, value, ...
   * @return the checked labels
   * @throws IllegalArgumentException if the count is odd, a key repeats, or a key or value breaks
   *     the rules
   */
  public static Labels of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels: keys and values must alternate (odd count)");
    }
    int n = keysAndValues.length / 2;
    if (n == 0) {
      return EMPTY;
    }
    String[] keys = new String[n];
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = requireNonNull(keysAndValues[2 * i]);
      values[i] = keysAndValues[2 * i + 1];
    }
    checkNoRepeats(keys);
    if (n > MAX_ENTRIES) {
      throw new IllegalArgumentException("labels: at most " + MAX_ENTRIES + " entries, got " + n);
    }
    LabelMap.sortTogether(keys, values);
    return new Labels(checked(keys, values));
  }

  /**
   * Returns the value of {@code key}.
   *
   * @param key a label key
   * @return the value, or empty if there is no such label
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(requireNonNull(key, "key")));
  }

  /**
   * Returns whether a label {@code key} has exactly {@code value}.
   *
   * @param key a label key
   * @param value the expected value
   * @return true if the label is present with that value
   */
  public boolean has(String key, String value) {
    return value.equals(entries.get(key));
  }

  /**
   * Returns these labels with {@code key} set to {@code value}.
   *
   * @param key the key
   * @param value the value
   * @return the new labels
   * @throws IllegalArgumentException if the key or value breaks the rules
   */
  public Labels with(String key, String value) {
    requireNonNull(key, "label key");
    LabelMap map = (LabelMap) entries;
    int at = map.indexOf(key);
    if (at >= 0) {
      // The keys were checked together: only the new value is checked, and the new set shares
      // its other values with the last set of these keys, as every set does.
      if (map.valueAt(at).equals(value)) {
        return this;
      }
      String[] values = map.valuesCopy();
      values[at] = LabelRules.checkValue(key, value);
      return new Labels(LabelMap.of(map.keys(), values));
    }
    String[] keys = map.keys().sorted();
    if (keys.length + 1 > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "labels: at most " + MAX_ENTRIES + " entries, got " + (keys.length + 1));
    }
    int insert = -at - 1;
    String[] newKeys = new String[keys.length + 1];
    String[] values = new String[keys.length + 1];
    System.arraycopy(keys, 0, newKeys, 0, insert);
    newKeys[insert] = key;
    System.arraycopy(keys, insert, newKeys, insert + 1, keys.length - insert);
    for (int i = 0; i < keys.length; i++) {
      values[i < insert ? i : i + 1] = map.valueAt(i);
    }
    values[insert] = value;
    return new Labels(checked(newKeys, values));
  }

  /**
   * Returns whether there are no labels.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Returns the labels as an immutable map sorted by key.
   *
   * @return the map
   */
  public Map<String, String> asMap() {
    return entries;
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  /**
   * Checks sorted, distinct keys and their values in key order (each key, then its value) and
   * returns them as a compact map; keys already seen together were checked before and are shared.
   */
  private static LabelMap checked(String[] sortedKeys, String[] values) {
    if (sortedKeys.length == 0) {
      return LabelMap.EMPTY;
    }
    LabelKeys keys = LabelKeys.lookup(sortedKeys);
    if (keys == null) {
      for (int i = 0; i < sortedKeys.length; i++) {
        LabelRules.checkKey(sortedKeys[i]);
        LabelRules.checkValue(sortedKeys[i], values[i]);
      }
      keys = LabelKeys.register(sortedKeys);
    }
    for (int i = 0; i < values.length; i++) {
      values[i] = keys.value(i, values[i]);
    }
    return LabelMap.of(keys, values);
  }

  /** Throws naming the first key, in the order given, that an earlier one repeats. */
  private static void checkNoRepeats(String[] keys) {
    if (keys.length <= 16) {
      for (int i = 1; i < keys.length; i++) {
        for (int j = 0; j < i; j++) {
          if (keys[i].equals(keys[j])) {
            throw new IllegalArgumentException("labels: key given twice: " + keys[i]);
          }
        }
      }
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      if (!seen.add(key)) {
        throw new IllegalArgumentException("labels: key given twice: " + key);
      }
    }
  }

  /** A sorted map over an unsorted one's entries, for the constructor to copy. */
  private static SortedMap<String, String> sortedView(Map<String, String> map) {
    Map.Entry<String[], String[]> arrays = LabelMap.sortedArrays(map);
    if (arrays.getKey().length > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "labels: at most " + MAX_ENTRIES + " entries, got " + arrays.getKey().length);
    }
    return checked(arrays.getKey(), arrays.getValue());
  }
}
