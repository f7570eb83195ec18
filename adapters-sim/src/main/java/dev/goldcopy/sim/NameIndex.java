package dev.goldcopy.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The containers of one store by name, in the order they were made: what a {@code LinkedHashMap}
 * of names would hold, at a few bytes per container instead of an entry object each. An
 * open-addressing table (linear probing, at most three quarters full, deletion by backward shift)
 * finds a container by its name's key, whose hash it keeps beside each entry; an array in creation
 * order, where a deleted container stays until the array is compacted, gives the listing order.
 * Keys are computed from each container's name by the function the caller passes (the store's name
 * rules). Not thread-safe.
 */
final class NameIndex {
  private SimContainer[] table = new SimContainer[16];
  /** The hash of each entry's key, beside it: a probe compares these and reads no name. */
  private int[] hashes = new int[16];
  private SimContainer[] order = new SimContainer[16];
  /** Slots of {@link #order} in use, deleted ones included. */
  private int orderSize;
  private int size;

  /** Returns how many containers are indexed. */
  int size() {
    return size;
  }

  /** Returns the container whose name has {@code key}, or null. */
  @Nullable SimContainer get(String key, UnaryOperator<String> keyOf) {
    SimContainer[] t = table;
    int mask = t.length - 1;
    int h = key.hashCode();
    for (int i = slot(h, t.length); ; i = (i + 1) & mask) {
      SimContainer c = t[i];
      if (c == null) {
        return null;
      }
      if (hashes[i] == h && keyOf.apply(c.name()).equals(key)) {
        return c;
      }
    }
  }

  /** Indexes {@code c}, whose key is {@code key} and taken by no other container. */
  void add(SimContainer c, String key) {
    if ((size + 1) * 4L > table.length * 3L) {
      rehash(table.length * 2);
    }
    insert(table, hashes, c, key.hashCode());
    size++;
    if (orderSize == order.length) {
      compactOrGrow();
    }
    order[orderSize++] = c;
  }

  /** Takes {@code c}, whose key is {@code key}, out; it must be marked removed already. */
  void remove(SimContainer c, String key) {
    SimContainer[] t = table;
    int[] hs = hashes;
    int mask = t.length - 1;
    int i = slot(key.hashCode(), t.length);
    while (t[i] != c) {
      if (t[i] == null) {
        return;
      }
      i = (i + 1) & mask;
    }
    // backward shift: move later entries of the probe run into the hole where they belong
    int hole = i;
    for (int j = (hole + 1) & mask; t[j] != null; j = (j + 1) & mask) {
      int home = slot(hs[j], t.length);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        t[hole] = t[j];
        hs[hole] = hs[j];
        hole = j;
      }
    }
    t[hole] = null;
    hs[hole] = 0;
    size--;
  }

  /** Returns the indexed containers in the order they were made. */
  List<SimContainer> inOrder() {
    List<SimContainer> out = new ArrayList<>(size);
    for (int i = 0; i < orderSize; i++) {
      SimContainer c = order[i];
      if (!c.removed) {
        out.add(c);
      }
    }
    return out;
  }

  private void compactOrGrow() {
    if (size * 2 <= orderSize) {
      int n = 0;
      for (int i = 0; i < orderSize; i++) {
        if (!order[i].removed) {
          order[n++] = order[i];
        }
      }
      for (int i = n; i < orderSize; i++) {
        order[i] = null;
      }
      orderSize = n;
    }
    if (orderSize == order.length) {
      SimContainer[] bigger = new SimContainer[order.length * 2];
      System.arraycopy(order, 0, bigger, 0, orderSize);
      order = bigger;
    }
  }

  /** Moves every entry to a table of {@code capacity}, with the hash kept beside it: no name is read. */
  private void rehash(int capacity) {
    SimContainer[] bigger = new SimContainer[capacity];
    int[] biggerHashes = new int[capacity];
    SimContainer[] t = table;
    for (int i = 0; i < t.length; i++) {
      SimContainer c = t[i];
      if (c != null) {
        insert(bigger, biggerHashes, c, hashes[i]);
      }
    }
    table = bigger;
    hashes = biggerHashes;
  }

  private static void insert(SimContainer[] t, int[] hs, SimContainer c, int hash) {
    int mask = t.length - 1;
    int i = slot(hash, t.length);
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = c;
    hs[i] = hash;
  }

  /** The home slot of a hash in a table of {@code capacity} (a power of two): Fibonacci hashing. */
  private static int slot(int hash, int capacity) {
    return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(capacity - 1);
  }
}
