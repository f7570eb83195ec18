package dev.goldcopy.plan;

import dev.goldcopy.internal.IdOrdinals;
import dev.goldcopy.spi.Container;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's clones by name, and which of them the demand claimed.
 *
 * <p>The demand is claimed in name order, and inventories mostly list their clones in name order
 * too (adapters list by name, or in the order a plan made them). When the inventory's clone names
 * rise strictly, a claim walks the clones beside the demand, as in a merge, and a name no clone has
 * is known absent from its neighbours: the inventory is read once, in its own order, with no
 * table. Otherwise, and for a claim out of name order, the clones are found by a hash table built
 * when first needed: open addressing in one {@code long} array, each slot the name's hash (high
 * half) and the clone's position among the clones + 1 (low half), 0 when empty; the hash is
 * compared before any name is read, and the names are read from an array of their own, not
 * through their containers. A large table keeps a filter of one bit per hash, small enough to stay
 * in a processor's cache, that turns most absent names away without a probe; and a claim first
 * tries the clone after the one it claimed last, until that guess fails more often than it holds.
 */
final class CloneTable {
  /** How many more failed guesses than right ones before guessing stops. */
  private static final int GUESS_SLACK = 1024;
  /** The smallest table, in slots, that gets a filter: smaller ones stay in cache. */
  private static final int FILTER_FROM = 1 << 16;

  private final List<Container> containers;
  private final boolean[] claimed;
  /** The clones' indices in the inventory, in its order; the first {@link #count} are used. */
  private final int[] clones;
  /** The clones' names, at the same positions: read without going through their containers. */
  private final String[] names;
  private int count;
  /** Whether the clones' names rise strictly in the inventory's order. */
  private boolean sorted = true;
  /** While {@link #sorted}: the clones before this position have names below {@link #lastName}. */
  private int cursor;
  /** The name of the last claim made in name order; null before the first. */
  private @Nullable String lastName;
  private long @Nullable [] table;
  /** One bit per spread hash of the clones' names, 8 bits a slot of the table; null if small. */
  private long @Nullable [] filter;
  /** The position (in {@link #clones}) of the clone the table found last; -1 before the first. */
  private int lastFound = -1;
  /** Failed guesses less right ones. */
  private int guessBalance;

  /** An empty table for the clones of {@code containers}, sized for all of them. */
  CloneTable(List<Container> containers) {
    this.containers = containers;
    this.claimed = new boolean[containers.size()];
    this.clones = new int[containers.size()];
    this.names = new String[containers.size()];
  }

  /** Mixes a hash so that similar names (consecutive hashes) land far apart. */
  static int spread(int hash) {
    return IdOrdinals.spread(hash);
  }

  /**
   * Adds the clone at {@code index} in the inventory; names are unique in an inventory. Every clone
   * is added before the first claim.
   */
  void add(int index) {
    String name = containers.get(index).name();
    if (sorted && count > 0 && names[count - 1].compareTo(name) >= 0) {
      sorted = false;
    }
    names[count] = name;
    clones[count] = index;
    if (table != null) {
      insert(table, count);
    }
    count++;
  }

  /** How many clones the table holds. */
  int count() {
    return count;
  }

  /** Whether the inventory holds a clone named {@code name}, claimed or not. */
  boolean contains(String name) {
    if (sorted) {
      return search(name) >= 0;
    }
    return find(name) >= 0;
  }

  /** The inventory index of the clone at {@code position}, or -1 for none. */
  private int indexAt(int position) {
    return position < 0 ? -1 : clones[position];
  }

  /** Finds the clone named {@code name} and marks it claimed; null if none or claimed before. */
  @Nullable Container claim(String name) {
    return claim(name, false);
  }

  /**
   * As {@link #claim(String)}, for a caller that knows {@code name} to sort above every name
   * claimed before (the demand's VM ids, each its own clone's name, come in rising order), so
   * that it is not compared with the last.
   */
  @Nullable Container claimAbove(String name) {
    return claim(name, true);
  }

  private @Nullable Container claim(String name, boolean above) {
    if (count == 0) {
      return null;
    }
    int index;
    if (sorted && (above || lastName == null || lastName.compareTo(name) <= 0)) {
      lastName = name;
      index = walkTo(name);
    } else if (sorted) {
      index = indexAt(find(name));
    } else {
      index = guessOrFind(name);
    }
    if (index < 0 || claimed[index]) {
      return null;
    }
    claimed[index] = true;
    return containers.get(index);
  }

  /** Whether a demanded VM claimed the container at {@code index} in the inventory. */
  boolean isClaimed(int index) {
    return claimed[index];
  }

  /**
   * Moves the cursor past the clones named below {@code name}, and past the clone named so (the
   * next claim in name order names another); the index of that clone, or -1 if none is.
   */
  private int walkTo(String name) {
    int at = cursor;
    int found = -1;
    while (at < count) {
      int cmp = names[at].compareTo(name);
      if (cmp >= 0) {
        if (cmp == 0) {
          found = clones[at];
          at++;
        }
        break;
      }
      at++;
    }
    cursor = at;
    return found;
  }

  /** The index of the clone named {@code name} by binary search of the sorted names; -1 if none. */
  private int search(String name) {
    if (count == 0 || names[0].compareTo(name) > 0 || names[count - 1].compareTo(name) < 0) {
      return -1; // outside the names' range: a replica's name among VMs' names, usually
    }
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = names[mid].compareTo(name);
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return clones[mid];
      }
    }
    return -1;
  }

  /** Tries the clone after the one found last, then the table; the clone's inventory index. */
  private int guessOrFind(String name) {
    int next = lastFound + 1;
    boolean guessed = guessBalance < GUESS_SLACK && next < count;
    // Names are unique in an inventory: a clone of that name is the one the table would find.
    if (guessed && names[next].equals(name)) {
      lastFound = next;
      guessBalance = Math.max(-GUESS_SLACK, guessBalance - 1);
      return clones[next];
    }
    int position = find(name);
    if (position >= 0) {
      if (guessed) {
        guessBalance++; // the clone is elsewhere in the inventory's order
      }
      lastFound = position;
    }
    return indexAt(position);
  }

  /**
   * The position (in {@link #clones}) of the clone named {@code name}, found in the hash table; -1
   * if none. The names are read from their own array, not through their containers.
   */
  private int find(String name) {
    long[] t = table;
    if (t == null) {
      t = build();
    }
    int hash = name.hashCode();
    long[] bits = filter;
    if (bits != null) {
      int bit = spread(hash) & (bits.length * 64 - 1);
      if ((bits[bit >>> 6] & (1L << bit)) == 0) {
        return -1;
      }
    }
    int mask = t.length - 1;
    for (int at = spread(hash) & mask; t[at] != 0; at = (at + 1) & mask) {
      long entry = t[at];
      if ((int) (entry >>> 32) == hash) {
        int position = (int) entry - 1;
        if (names[position].equals(name)) {
          return position;
        }
      }
    }
    return -1;
  }

  /** Builds the hash table (and the filter of a large one) of the clones added so far. */
  private long[] build() {
    long[] t = new long[Integer.highestOneBit(Math.max(1, containers.size()) * 2 - 1) * 2];
    if (t.length >= FILTER_FROM) {
      filter = new long[t.length / 8];
    }
    table = t;
    for (int i = 0; i < count; i++) {
      insert(t, i);
    }
    return t;
  }

  /** Enters the clone at {@code position} (in {@link #clones}) in the table. */
  private void insert(long[] t, int position) {
    int mask = t.length - 1;
    int hash = names[position].hashCode();
    int at = spread(hash) & mask;
    while (t[at] != 0) {
      at = (at + 1) & mask;
    }
    t[at] = ((long) hash << 32) | (position + 1);
    long[] bits = filter;
    if (bits != null) {
      int bit = spread(hash) & (bits.length * 64 - 1);
      bits[bit >>> 6] |= 1L << bit;
    }
  }
}
