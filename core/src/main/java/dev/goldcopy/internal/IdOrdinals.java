package dev.goldcopy.internal;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.List;

/**
 * The ids of containers, each at an ordinal (its container's position in the list given), found by id through an
 * open-addressed table of the ids' hashes: one {@code long} array, each slot the hash (high half)
 * and the ordinal + 1 (low half), 0 when empty.
 *
 * <p>Clones are read in order, and their sources mostly repeat (masters filled one after another)
 * or come round in a fixed cycle (clones spread over the masters in turn, in whatever order the
 * placement took them), so {@link #ordinal} first tries the id it found last and the one that
 * followed that one the last time (at first, the next ordinal), before a probe into the table. A
 * guess is checked against the ids' hashes, one {@code int} array, before any id is read, so a
 * wrong guess costs little; every lookup that needs the table teaches the guess. Not safe for use
 * by several threads at once: the guesses are state.
 */
public final class IdOrdinals {
  private final String[] ids;
  /** Each id's hash, by ordinal. */
  private final int[] hashes;
  /** For each ordinal, the ordinal looked up after it the last time; at first the next one. */
  private final int[] successor;
  private final long[] table;
  /** The ordinal found last; -1 before the first. */
  private int lastFound = -1;

  /**
   * Indexes the ids of {@code containers}, each at its container's position.
   *
   * @param containers containers of one inventory (no id twice)
   */
  public IdOrdinals(List<Container> containers) {
    int count = containers.size();
    this.ids = new String[count];
    this.hashes = new int[count];
    this.successor = new int[count];
    this.table = new long[Integer.highestOneBit(Math.max(1, count) * 2 - 1) * 2];
    int mask = table.length - 1;
    for (int m = 0; m < count; m++) {
      String id = containers.get(m).id().value();
      this.ids[m] = id;
      int hash = id.hashCode();
      hashes[m] = hash;
      successor[m] = m + 1 < count ? m + 1 : 0;
      int at = spread(hash) & mask;
      while (table[at] != 0) {
        at = (at + 1) & mask;
      }
      table[at] = ((long) hash << 32) | (m + 1);
    }
  }

  /**
   * Mixes a hash so that similar strings (consecutive hashes) land far apart in a table.
   *
   * @param hash a string's hash
   * @return the mixed hash
   */
  public static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * Returns how many ids there are.
   *
   * @return the count
   */
  public int size() {
    return ids.length;
  }

  /**
   * Returns the ordinal of {@code id}.
   *
   * @param id an id
   * @return its ordinal, or -1 if it is not one of the ids
   */
  public int ordinal(ContainerId id) {
    String value = id.value();
    int hash = value.hashCode();
    int last = lastFound;
    if (last >= 0) {
      // Ids are unique: an id found by a guess is the one the table would find.
      if (hashes[last] == hash && ids[last].equals(value)) {
        return last;
      }
      int next = successor[last];
      if (hashes[next] == hash && ids[next].equals(value)) {
        lastFound = next;
        return next;
      }
    }
    int m = probe(value, hash);
    if (m >= 0) {
      if (last >= 0) {
        successor[last] = m;
      }
      lastFound = m;
    }
    return m;
  }

  /** The ordinal of the id {@code value}, found in the table; -1 if none. */
  private int probe(String value, int hash) {
    int mask = table.length - 1;
    for (int at = spread(hash) & mask; table[at] != 0; at = (at + 1) & mask) {
      long entry = table[at];
      int m = (int) entry - 1;
      if ((int) (entry >>> 32) == hash && ids[m].equals(value)) {
        return m;
      }
    }
    return -1;
  }
}
