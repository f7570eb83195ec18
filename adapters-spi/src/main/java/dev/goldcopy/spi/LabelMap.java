package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The immutable sorted map behind {@link Labels}: the keys in one sorted array shared by every
 * label set with the same keys ({@link LabelKeys}), the values in a parallel array. A label set of
 * seven entries costs a small object and one array instead of a tree of seven nodes.
 *
 * <p>A label set that differs in at most two values from one made before it with the same keys (a
 * program labels a million clones alike but for the VM and the master) shares that set's values
 * array and holds only the one or two values of its own, so it costs the small object alone.
 */
final class LabelMap extends AbstractMap<String, String> implements SortedMap<String, String> {

  /** How many keys {@link #indexOf} compares by reference before it searches by value. */
  private static final int IDENTITY_SCAN = 8;

  /** The most values a label set holds of its own beside a shared values array. */
  private static final int OWN_VALUES = 2;

  static final LabelMap EMPTY = new LabelMap(LabelKeys.NONE, new String[0]);

  private final LabelKeys keys;
  /** The values, or those of an earlier set with the same keys but at {@link #at1} and {@link #at2}. */
  private final String[] values;
  /** Where this set's own values go, or -1. */
  private final byte at1;
  private final byte at2;
  private final @Nullable String value1;
  private final @Nullable String value2;
  private int hash;

  /** Takes ownership of {@code values}, parallel to {@code keys}. */
  LabelMap(LabelKeys keys, String[] values) {
    this(keys, values, -1, null, -1, null);
  }

  private LabelMap(
      LabelKeys keys,
      String[] values,
      int at1,
      @Nullable String value1,
      int at2,
      @Nullable String value2) {
    this.keys = keys;
    this.values = values;
    this.at1 = (byte) at1;
    this.value1 = value1;
    this.at2 = (byte) at2;
    this.value2 = value2;
  }

  /**
   * Returns the label set of {@code keys} and {@code values} (checked, parallel, owned by the
   * caller), sharing the values array of the last full set with the same keys if this one differs
   * from it in at most {@value #OWN_VALUES} values.
   */
  @SuppressWarnings("StringEquality") // by reference first, then by value
  static LabelMap of(LabelKeys keys, String[] values) {
    LabelMap last = keys.lastFull();
    if (last != null && last.values.length == values.length) {
      String[] base = last.values;
      int at1 = -1;
      int at2 = -1;
      int differ = 0;
      for (int i = 0; i < values.length && differ <= OWN_VALUES; i++) {
        if (base[i] != values[i] && !base[i].equals(values[i])) {
          differ++;
          if (differ == 1) {
            at1 = i;
          } else {
            at2 = i;
          }
        }
      }
      if (differ <= OWN_VALUES) {
        return new LabelMap(
            keys, base, at1, at1 < 0 ? null : values[at1], at2, at2 < 0 ? null : values[at2]);
      }
    }
    LabelMap full = new LabelMap(keys, values);
    keys.lastFull(full);
    return full;
  }

  LabelKeys keys() {
    return keys;
  }

  String valueAt(int i) {
    if (i == at1) {
      return requireNonNull(value1);
    }
    if (i == at2) {
      return requireNonNull(value2);
    }
    return values[i];
  }

  String[] valuesCopy() {
    String[] copy = values.clone();
    if (at1 >= 0) {
      copy[at1] = requireNonNull(value1);
    }
    if (at2 >= 0) {
      copy[at2] = requireNonNull(value2);
    }
    return copy;
  }

  /**
   * Returns the position of {@code key}, or {@code -(insertion point) - 1}. Keys given as the
   * constants the labels were made with are found by reference first, reading no characters.
   */
  @SuppressWarnings("StringEquality") // by reference on purpose; the search below is by value
  int indexOf(String key) {
    String[] sorted = keys.sorted();
    for (int i = 0; i < sorted.length && i < IDENTITY_SCAN; i++) {
      if (sorted[i] == key) {
        return i;
      }
    }
    return Arrays.binarySearch(sorted, key);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    if (key == null) {
      throw new NullPointerException("key");
    }
    if (!(key instanceof String k)) {
      return null;
    }
    int i = indexOf(k);
    return i >= 0 ? valueAt(i) : null;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return get(key) != null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof LabelMap other) {
      if (!keys.sameKeys(other.keys) || values.length != other.values.length) {
        return false;
      }
      for (int i = 0; i < values.length; i++) {
        if (!valueAt(i).equals(other.valueAt(i))) {
          return false;
        }
      }
      return true;
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && values.length > 0) {
      String[] k = keys.sorted();
      for (int i = 0; i < values.length; i++) {
        h += k[i].hashCode() ^ valueAt(i).hashCode();
      }
      hash = h;
    }
    return h;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys.sorted()[i], valueAt(i));
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  @Override
  public @Nullable Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, String> subMap(String fromKey, String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<String, String> headMap(String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<String, String> tailMap(String fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }

  @Override
  public String firstKey() {
    if (values.length == 0) {
      throw new NoSuchElementException();
    }
    return keys.sorted()[0];
  }

  @Override
  public String lastKey() {
    if (values.length == 0) {
      throw new NoSuchElementException();
    }
    return keys.sorted()[values.length - 1];
  }

  /** Returns the keys and values of {@code map} in two arrays, in natural key order. */
  static Map.Entry<String[], String[]> sortedArrays(Map<String, String> map) {
    int n = map.size();
    String[] k = new String[n];
    String[] v = new String[n];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (i == n) {
        throw new IllegalArgumentException("labels: the map changed while being read");
      }
      k[i] = e.getKey();
      v[i] = e.getValue();
      i++;
    }
    if (i != n) {
      throw new IllegalArgumentException("labels: the map changed while being read");
    }
    if (!(map instanceof SortedMap<String, String> sorted && sorted.comparator() == null)) {
      sortTogether(k, v);
    }
    return new SimpleImmutableEntry<>(k, v);
  }

  /** Sorts keys by natural order, moving the values with them (insertion sort: label sets are small). */
  static void sortTogether(String[] k, String[] v) {
    if (k.length > 16) {
      Integer[] order = new Integer[k.length];
      for (int i = 0; i < order.length; i++) {
        if (k[i] == null) {
          throw new NullPointerException("label key");
        }
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> k[a].compareTo(k[b]));
      String[] k2 = new String[k.length];
      String[] v2 = new String[v.length];
      for (int i = 0; i < order.length; i++) {
        k2[i] = k[order[i]];
        v2[i] = v[order[i]];
      }
      System.arraycopy(k2, 0, k, 0, k.length);
      System.arraycopy(v2, 0, v, 0, v.length);
      return;
    }
    for (int i = 1; i < k.length; i++) {
      String key = k[i];
      String value = v[i];
      if (key == null) {
        throw new NullPointerException("label key");
      }
      int j = i - 1;
      while (j >= 0 && k[j].compareTo(key) > 0) {
        k[j + 1] = k[j];
        v[j + 1] = v[j];
        j--;
      }
      k[j + 1] = key;
      v[j + 1] = value;
    }
    if (k.length == 1 && k[0] == null) {
      throw new NullPointerException("label key");
    }
  }
}
