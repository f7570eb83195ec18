package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory's masters, failed ones included, each at an ordinal: its id, image version, the
 * clones the demand keeps on it, and whether it is a live member of its content's chosen group,
 * in arrays by ordinal; found by id through an open-addressed table of the ids' hashes.
 *
 * <p>Clones are read in order, and their sources mostly repeat (masters filled one after another)
 * or come round in a fixed cycle (clones spread over the masters in turn, in whatever order the
 * placement took them), so {@link #ordinal} first tries the master it found last and the master
 * that followed that one the last time (at first, the next ordinal), before a probe into the
 * table. A guess is checked against the ids' hashes, one {@code int} array, before any id is read,
 * so a wrong guess costs little; every lookup that needs the table teaches the guess.
 */
final class MasterTable {
  private final List<Container> masters = new ArrayList<>();
  private String[] ids = new String[0];
  /** Each master's id's hash, by ordinal. */
  private int[] hashes = new int[0];
  /** For each ordinal, the ordinal looked up after it the last time; at first the next one. */
  private int[] successor = new int[0];
  private ContentId[] contents = new ContentId[0];
  private int[] kept = new int[0];
  private boolean[] chosen = new boolean[0];
  /** Each slot the id's hash (high half) and the master's ordinal + 1 (low half); 0 if empty. */
  private long[] table = new long[1];
  /** The ordinal found last; -1 before the first. */
  private int lastFound = -1;

  /** Adds a master; ids are unique in an inventory. Call {@link #seal()} after the last. */
  void add(Container master) {
    masters.add(master);
  }

  /** Builds the arrays and the id table once every master is added. */
  void seal() {
    int count = masters.size();
    ids = new String[count];
    hashes = new int[count];
    successor = new int[count];
    contents = new ContentId[count];
    kept = new int[count];
    chosen = new boolean[count];
    table = new long[Integer.highestOneBit(Math.max(1, count) * 2 - 1) * 2];
    int mask = table.length - 1;
    for (int m = 0; m < count; m++) {
      Container c = masters.get(m);
      String id = c.id().value();
      ids[m] = id;
      contents[m] = c.content();
      int hash = id.hashCode();
      hashes[m] = hash;
      successor[m] = m + 1 < count ? m + 1 : 0;
      int at = CloneTable.spread(hash) & mask;
      while (table[at] != 0) {
        at = (at + 1) & mask;
      }
      table[at] = ((long) hash << 32) | (m + 1);
    }
  }

  /** The ordinal of the master with id {@code id}, or -1 if it is no master of the inventory. */
  int ordinal(ContainerId id) {
    String value = id.value();
    int hash = value.hashCode();
    int last = lastFound;
    if (last >= 0) {
      // Ids are unique in an inventory: a master with this id is the one the table would find.
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

  /** The ordinal of the master with id {@code value}, found in the table; -1 if none. */
  private int probe(String value, int hash) {
    int mask = table.length - 1;
    for (int at = CloneTable.spread(hash) & mask; table[at] != 0; at = (at + 1) & mask) {
      long entry = table[at];
      int m = (int) entry - 1;
      if ((int) (entry >>> 32) == hash && ids[m].equals(value)) {
        return m;
      }
    }
    return -1;
  }

  /** How many masters there are. */
  int count() {
    return masters.size();
  }

  /** The master at {@code ordinal}. */
  Container at(int ordinal) {
    return masters.get(ordinal);
  }

  /** The image version of the master at {@code ordinal}. */
  ContentId contentAt(int ordinal) {
    return contents[ordinal];
  }

  /** The clones the demand keeps on the master at {@code ordinal}. */
  int keptAt(int ordinal) {
    return kept[ordinal];
  }

  /** The clones the demand keeps on master {@code id}; 0 for no master. */
  int kept(ContainerId id) {
    int m = ordinal(id);
    return m < 0 ? 0 : kept[m];
  }

  /** Counts one more clone kept on the master at {@code ordinal}. */
  void addKept(int ordinal) {
    kept[ordinal]++;
  }

  /** Counts one clone fewer kept on the master at {@code ordinal}: it moves to another master. */
  void removeKept(int ordinal) {
    kept[ordinal]--;
  }

  /** The clones the demand keeps on all masters. */
  int keptTotal() {
    int total = 0;
    for (int k : kept) {
      total += k;
    }
    return total;
  }

  /** Whether the master at {@code ordinal} is a live member of its content's chosen group. */
  boolean isChosen(int ordinal) {
    return chosen[ordinal];
  }

  /**
   * Marks master {@code id} a live member of its content's chosen group.
   *
   * @throws IllegalArgumentException if it is no master
   */
  void markChosen(ContainerId id) {
    int m = ordinal(id);
    if (m < 0) {
      throw new IllegalArgumentException("no master " + id);
    }
    chosen[m] = true;
  }
}
