package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's clones by name, and which of them the demand claimed: open addressing in one
 * {@code long} array, each slot the name's hash (high half) and the container's index in the
 * inventory + 1 (low half), 0 when empty; the hash is compared before any name is read.
 */
final class CloneTable {
  private final List<Container> containers;
  private final long[] table;
  private final boolean[] claimed;
  private int count;

  /** An empty table for the clones of {@code containers}, sized for all of them. */
  CloneTable(List<Container> containers) {
    this.containers = containers;
    this.table = new long[Integer.highestOneBit(Math.max(1, containers.size()) * 2 - 1) * 2];
    this.claimed = new boolean[containers.size()];
  }

  /** Mixes a hash so that similar names (consecutive hashes) land far apart. */
  static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Adds the clone at {@code index} in the inventory; names are unique in an inventory. */
  void add(int index) {
    int mask = table.length - 1;
    int hash = containers.get(index).name().hashCode();
    int at = spread(hash) & mask;
    while (table[at] != 0) {
      at = (at + 1) & mask;
    }
    table[at] = ((long) hash << 32) | (index + 1);
    count++;
  }

  /** How many clones the table holds. */
  int count() {
    return count;
  }

  /** Whether the inventory holds a clone named {@code name}, claimed or not. */
  boolean contains(String name) {
    int mask = table.length - 1;
    int hash = name.hashCode();
    for (int at = spread(hash) & mask; table[at] != 0; at = (at + 1) & mask) {
      long entry = table[at];
      if ((int) (entry >>> 32) == hash
          && containers.get((int) entry - 1).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Finds the clone named {@code name} and marks it claimed; null if none or claimed before. */
  @Nullable Container claim(String name) {
    if (count == 0) {
      return null;
    }
    int mask = table.length - 1;
    int hash = name.hashCode();
    for (int at = spread(hash) & mask; table[at] != 0; at = (at + 1) & mask) {
      long entry = table[at];
      if ((int) (entry >>> 32) != hash) {
        continue;
      }
      int index = (int) entry - 1;
      Container c = containers.get(index);
      if (c.name().equals(name)) {
        if (claimed[index]) {
          return null;
        }
        claimed[index] = true;
        return c;
      }
    }
    return null;
  }

  /** Whether a demanded VM claimed the container at {@code index} in the inventory. */
  boolean isClaimed(int index) {
    return claimed[index];
  }
}
