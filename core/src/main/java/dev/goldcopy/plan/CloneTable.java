package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's clones by name, and which of them the demand claimed: open addressing in one
 * {@code long} array, each slot the name's hash (high half) and the container's index in the
 * inventory + 1 (low half), 0 when empty; the hash is compared before any name is read.
 *
 * <p>The demand is claimed in name order, and inventories mostly list clones in that order too
 * (adapters list by name, or in the order the plan made them), so {@link #claim} first tries the
 * container after the one it claimed last: reading the inventory in its own order costs no probe
 * into the table, which is far larger than a processor's cache for a large store. When that guess
 * fails more often than it holds, it is no longer tried.
 */
final class CloneTable {
  /** How many more failed guesses than right ones before guessing stops. */
  private static final int GUESS_SLACK = 1024;

  private final List<Container> containers;
  private final long[] table;
  private final boolean[] claimed;
  private int count;
  /** The index of the clone claimed last; -1 before the first. */
  private int lastClaimed = -1;
  /** Failed guesses less right ones. */
  private int guessBalance;

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
    int next = lastClaimed + 1;
    boolean guessed = guessBalance < GUESS_SLACK && next < claimed.length;
    if (guessed) {
      Container c = containers.get(next);
      // Names are unique in an inventory: a clone of that name is the one the table would find.
      if (!claimed[next] && !c.isMaster() && c.name().equals(name)) {
        claimed[next] = true;
        lastClaimed = next;
        guessBalance = Math.max(-GUESS_SLACK, guessBalance - 1);
        return c;
      }
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
        if (guessed) {
          guessBalance++; // the clone is elsewhere in the inventory's order
        }
        if (claimed[index]) {
          return null;
        }
        claimed[index] = true;
        lastClaimed = index;
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
