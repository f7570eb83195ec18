package dev.goldcopy.spi;

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
 */
final class LabelMap extends AbstractMap<String, String> implements SortedMap<String, String> {

  /** How many keys {@link #indexOf} compares by reference before it searches by value. */
  private static final int IDENTITY_SCAN = 8;

  static final LabelMap EMPTY = new LabelMap(LabelKeys.NONE, new String[0]);

  private final LabelKeys keys;
  private final String[] values;
  private int hash;

  /** Takes ownership of {@code values}, parallel to {@code keys}. */
  LabelMap(LabelKeys keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  LabelKeys keys() {
    return keys;
  }

  String valueAt(int i) {
    return values[i];
  }

  String[] valuesCopy() {
    return values.clone();
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
    return i >= 0 ? values[i] : null;
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
      return keys.sameKeys(other.keys) && Arrays.equals(values, other.values);
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && values.length > 0) {
      String[] k = keys.sorted();
      for (int i = 0; i < values.length; i++) {
        h += k[i].hashCode() ^ values[i].hashCode();
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
            return new SimpleImmutableEntry<>(keys.sorted()[i], values[i]);
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
