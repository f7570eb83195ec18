package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
 * @param entries the labels, sorted by key; immutable
 */
public record Labels(SortedMap<String, String> entries) {

  /** The most labels one container may carry. */
  public static final int MAX_ENTRIES = 32;

  /** The longest key, in characters (all ASCII). */
  public static final int MAX_KEY_LENGTH = 63;

  /** The longest value, in UTF-8 bytes. */
  public static final int MAX_VALUE_BYTES = 255;

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9./_-]{0,62}");
  private static final Labels EMPTY = new Labels(new TreeMap<>());

  /**
   * Checks the labels and takes an immutable, sorted copy.
   *
   * @throws NullPointerException if the map, a key or a value is null
   * @throws IllegalArgumentException naming the key if a key or value breaks the rules, or if there
   *     are too many entries
   */
  public Labels {
    requireNonNull(entries, "entries");
    if (entries.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "labels: at most " + MAX_ENTRIES + " entries, got " + entries.size());
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      copy.put(checkKey(e.getKey()), checkValue(e.getKey(), e.getValue()));
    }
    entries = Collections.unmodifiableSortedMap(copy);
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
    return map.isEmpty() ? EMPTY : new Labels(new TreeMap<>(map));
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
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (map.put(keysAndValues[i], keysAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("labels: key given twice: " + keysAndValues[i]);
      }
    }
    return of(map);
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
    TreeMap<String, String> map = new TreeMap<>(entries);
    map.put(key, value);
    return new Labels(map);
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

  private static String checkKey(String key) {
    requireNonNull(key, "label key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "label key '" + key + "': 1 to " + MAX_KEY_LENGTH
              + " characters of [a-z0-9./_-], starting with a letter or digit");
    }
    return key;
  }

  private static String checkValue(String key, String value) {
    requireNonNull(value, () -> "label value of " + key);
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException(
          "label value of '" + key + "': longer than " + MAX_VALUE_BYTES + " UTF-8 bytes");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            "label value of '" + key + "': must not contain control characters");
      }
    }
    return value;
  }
}
