package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Inventory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's clones by name, and which of them the demand claimed.
 *
 * <p>The demand is claimed in name order, and inventories mostly list their clones in name order
 * too (adapters list by name, or in the order a plan made them). When the inventory's clone names
 * rise strictly, a claim walks the clones beside the demand, as in a merge, and a name no clone has
 * is known absent from its neighbours: the inventory is read once, in its own order, with no
 * table. Otherwise, and for a claim out of name order, the clones are found through the
 * inventory's own index of names ({@link Inventory#indexOfName}), built when the listing was
 * checked; a claim first tries the clone after the one it claimed last, until that guess fails
 * more often than it holds.
 */
final class CloneTable {
  /** How many more failed guesses than right ones before guessing stops. */
  private static final int GUESS_SLACK = 1024;

  private final Inventory inventory;
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
  /** The inventory index of the clone found last by name; -1 before the first. */
  private int lastFound = -1;
  /** Failed guesses less right ones. */
  private int guessBalance;

  /** An empty table for the clones of {@code inventory}, sized for all of its containers. */
  CloneTable(Inventory inventory) {
    this.inventory = inventory;
    this.containers = inventory.containers();
    this.claimed = new boolean[containers.size()];
    this.clones = new int[containers.size()];
    this.names = new String[containers.size()];
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
    clones[count++] = index;
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
      index = find(name);
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

  /** Tries the clone after the one found last, then the inventory's index of names. */
  private int guessOrFind(String name) {
    int next = lastFound + 1;
    boolean guessed = guessBalance < GUESS_SLACK && next < containers.size();
    if (guessed) {
      Container c = containers.get(next);
      // Names are unique in an inventory: a clone of that name is the one the index would find.
      if (!c.isMaster() && c.name().equals(name)) {
        lastFound = next;
        guessBalance = Math.max(-GUESS_SLACK, guessBalance - 1);
        return next;
      }
    }
    int index = find(name);
    if (index >= 0) {
      if (guessed) {
        guessBalance++; // the clone is elsewhere in the inventory's order
      }
      lastFound = index;
    }
    return index;
  }

  /** The inventory index of the clone named {@code name}; -1 if no clone has that name. */
  private int find(String name) {
    int index = inventory.indexOfName(name);
    return index >= 0 && !containers.get(index).isMaster() ? index : -1;
  }
}
