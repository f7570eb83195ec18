package dev.goldcopy.spi;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The immutable list of an {@link Inventory}'s containers, indexed by id and by name: two
 * open-addressing tables (linear probing, at most three quarters full) of positions in the list,
 * each with the key's hash in the same slot, built while the listing is checked for repeated ids
 * and names and kept for lookups. No entry object per container; a probe reads a container only
 * when the hash matches. Keys whose hashes differ only in their low bits (numbered names and ids:
 * {@code vm-0001}, {@code vm-0002}) start their probes in the same few cache lines, so that looking
 * them up in their own order, as a demand does, reads the table mostly in order.
 */
final class IndexedContainers extends AbstractList<Container> implements RandomAccess {
  private final Container[] items;
  private final PositionTable byId;
  private final PositionTable byName;

  private IndexedContainers(Container[] items) {
    this.items = items;
    this.byId = new PositionTable(items.length);
    this.byName = new PositionTable(items.length);
  }

  /**
   * Copies {@code containers} and indexes them.
   *
   * @throws NullPointerException if a container is null
   * @throws IllegalArgumentException naming the field if a container belongs to another store, or
   *     an id or name appears twice
   */
  static IndexedContainers of(StoreRef store, List<Container> containers) {
    if (containers instanceof IndexedContainers indexed && !indexed.isEmpty()
        && indexed.items[0].store().equals(store)) {
      return indexed; // immutable, checked for a store already, and all of one store
    }
    Container[] items = containers.toArray(new Container[0]);
    IndexedContainers list = new IndexedContainers(items);
    for (int i = 0; i < items.length; i++) {
      Container c = items[i];
      if (c == null) {
        throw new NullPointerException("containers[" + i + "]");
      }
      if (!c.store().equals(store)) {
        throw new IllegalArgumentException(
            "containers: " + c.name() + " belongs to " + c.store() + ", not " + store);
      }
      if (list.byId.add(items, i, Container::id) >= 0) {
        throw new IllegalArgumentException("containers: duplicate id " + c.id());
      }
      if (list.byName.add(items, i, Container::name) >= 0) {
        throw new IllegalArgumentException("containers: duplicate name " + c.name());
      }
    }
    return list;
  }

  @Override
  public Container get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** The position of the container with id {@code id}, or -1. */
  int indexOf(ContainerId id) {
    return byId.find(items, id, Container::id);
  }

  /** The position of the container named {@code name}, or -1. */
  int indexOfName(String name) {
    return byName.find(items, name, Container::name);
  }

  /**
   * Positions by a key of the container at each, in one {@code long} array: each slot the key's
   * hash (high half) and the position + 1 (low half), 0 when empty, so that a probe reads one slot
   * and no container but the one whose hash matches.
   */
  private static final class PositionTable {
    private final long[] slots;
    private final int shift;

    PositionTable(int expected) {
      int capacity = 16;
      while (capacity * 3L < expected * 4L && capacity < (1 << 30)) {
        capacity *= 2;
      }
      slots = new long[capacity];
      shift = Integer.numberOfLeadingZeros(capacity - 1);
    }

    /**
     * The first slot to probe for hash {@code h}: hashes that differ only in their low six bits
     * start in the same group of 64 slots (names that differ in their last characters, such as
     * numbered VMs, stay in a few cache lines), and the groups are spread by a multiplicative hash.
     */
    private int home(int h) {
      return ((((h >>> 6) * 0x9E3779B9) >>> shift) ^ (h & 63)) & (slots.length - 1);
    }

    /** Enters position {@code at}; returns the position of an equal key entered before, or -1. */
    <K> int add(Container[] items, int at, Function<Container, K> keyOf) {
      K key = keyOf.apply(items[at]);
      int h = key.hashCode();
      int mask = slots.length - 1;
      for (int i = home(h); ; i = (i + 1) & mask) {
        long slot = slots[i];
        if (slot == 0) {
          slots[i] = ((long) h << 32) | (at + 1L);
          return -1;
        }
        int p = (int) slot - 1;
        if ((int) (slot >>> 32) == h && keyOf.apply(items[p]).equals(key)) {
          return p;
        }
      }
    }

    /** The position of the container whose key equals {@code key}, or -1. */
    <K> int find(Container[] items, Object key, Function<Container, K> keyOf) {
      int h = key.hashCode();
      int mask = slots.length - 1;
      for (int i = home(h); ; i = (i + 1) & mask) {
        long slot = slots[i];
        if (slot == 0) {
          return -1;
        }
        int p = (int) slot - 1;
        if ((int) (slot >>> 32) == h && keyOf.apply(items[p]).equals(key)) {
          return p;
        }
      }
    }
  }
}
