package dev.goldcopy.plan;

import dev.goldcopy.internal.IdOrdinals;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory's masters, failed ones included, each at an ordinal: its id, image version, the
 * clones the demand keeps on it, and whether it is a live member of its content's chosen group,
 * in arrays by ordinal; found by id through {@link IdOrdinals}, which guesses from the order
 * clones are read in before it probes its table.
 */
final class MasterTable {
  private final List<Container> masters = new ArrayList<>();
  private IdOrdinals ids = new IdOrdinals(List.of());
  private ContentId[] contents = new ContentId[0];
  private int[] kept = new int[0];
  private boolean[] chosen = new boolean[0];

  /** Adds a master; ids are unique in an inventory. Call {@link #seal()} after the last. */
  void add(Container master) {
    masters.add(master);
  }

  /** Builds the arrays and the id table once every master is added. */
  void seal() {
    int count = masters.size();
    ids = new IdOrdinals(masters);
    contents = new ContentId[count];
    kept = new int[count];
    chosen = new boolean[count];
    for (int m = 0; m < count; m++) {
      contents[m] = masters.get(m).content();
    }
  }

  /** The ordinal of the master with id {@code id}, or -1 if it is no master of the inventory. */
  int ordinal(ContainerId id) {
    return ids.ordinal(id);
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
