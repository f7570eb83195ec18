package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The planning input, indexed once: the masters by group (live and failed, each sorted by name),
 * the inventory's clones in a table by name that the demand claims, the sources of copies in
 * progress, the names shaped like a replica's, and the demanded VM ids for lookups by name. The
 * first stage of a plan; the later ones read it and record claims and kept clones in it.
 */
final class InventoryIndex {
  private final List<Container> containers;
  /** The demanded VM ids, sorted. */
  private final List<VmId> demandIds;
  /**
   * The inventory's clones by name: open addressing, each slot the name's hash (high half) and the
   * container's index + 1 (low half); 0 when empty.
   */
  private final long[] cloneTable;
  /** Which containers a demanded VM claimed, by index. */
  private final boolean[] claimed;
  private int cloneCount;
  /** The demanded VM ids that name a master; usually none. */
  private Set<String> vmsNamingMasters = Set.of();
  /** Masters' names shaped like a replica name ({@code -r} and digits): inventory and planned. */
  private final List<String> replicaShapedNames = new ArrayList<>();
  private final Map<String, List<Container>> liveByGroup = new TreeMap<>();
  private final Map<String, List<Container>> failedByGroup = new TreeMap<>();
  /**
   * The masters, each at its ordinal, with their ids' values, contents, kept clones and whether
   * they are live members of their content's chosen group, in arrays by ordinal.
   */
  private final List<Container> masters = new ArrayList<>();
  private String[] masterIds = new String[0];
  private ContentId[] masterContents = new ContentId[0];
  private int[] kept = new int[0];
  private boolean[] chosen = new boolean[0];
  /**
   * The masters by id: open addressing, each slot the id's hash (high half) and the master's
   * ordinal + 1 (low half); 0 when empty.
   */
  private long[] masterTable = new long[1];
  private final Set<ContainerId> copyingSources = new HashSet<>();
  private @Nullable Set<ContainerId> cloneIds;

  private InventoryIndex(List<Container> containers, List<VmId> demandIds) {
    this.containers = containers;
    this.demandIds = demandIds;
    this.cloneTable = new long[Integer.highestOneBit(Math.max(1, containers.size()) * 2 - 1) * 2];
    this.claimed = new boolean[containers.size()];
  }

  /** Indexes {@code input}'s inventory and demand. */
  static InventoryIndex of(PlanningInput input) {
    InventoryIndex index =
        new InventoryIndex(
            input.inventory().containers(), input.demand().vms().keySet().asList());
    index.build();
    return index;
  }

  private void build() {
    int mask = cloneTable.length - 1;
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      String name = c.name();
      if (!c.isMaster()) {
        // A clone's name is checked against each replica name when that name is made.
        int hash = name.hashCode();
        int at = spread(hash) & mask;
        while (cloneTable[at] != 0) {
          at = (at + 1) & mask;
        }
        cloneTable[at] = ((long) hash << 32) | (i + 1);
        cloneCount++;
        continue;
      }
      addMaster(c);
    }
    indexMasters();
    Comparator<Container> byName = Comparator.comparing(Container::name);
    liveByGroup.values().forEach(l -> l.sort(byName));
    failedByGroup.values().forEach(l -> l.sort(byName));
  }

  private void addMaster(Container c) {
    String name = c.name();
    if (ReplicaNamer.mayBeReplicaName(name)) {
      replicaShapedNames.add(name);
    }
    masters.add(c);
    if (demandIndexOf(name) >= 0) {
      if (vmsNamingMasters.isEmpty()) {
        vmsNamingMasters = new HashSet<>();
      }
      vmsNamingMasters.add(name);
    }
    String group = requireNonNull(c.group(), "group").value();
    if (c.state() == ContainerState.FAILED) {
      failedByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(c);
    } else {
      liveByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(c);
      ContainerId source = c.source();
      if (c.state() == ContainerState.COPYING && source != null) {
        copyingSources.add(source);
      }
    }
  }

  private void indexMasters() {
    int count = masters.size();
    masterIds = new String[count];
    masterContents = new ContentId[count];
    kept = new int[count];
    chosen = new boolean[count];
    masterTable = new long[Integer.highestOneBit(Math.max(1, count) * 2 - 1) * 2];
    int mask = masterTable.length - 1;
    for (int m = 0; m < count; m++) {
      Container c = masters.get(m);
      String id = c.id().value();
      masterIds[m] = id;
      masterContents[m] = c.content();
      int hash = id.hashCode();
      int at = spread(hash) & mask;
      while (masterTable[at] != 0) {
        at = (at + 1) & mask;
      }
      masterTable[at] = ((long) hash << 32) | (m + 1);
    }
  }

  /** Mixes a hash so that similar names (consecutive hashes) land far apart. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The inventory's containers, in the inventory's order. */
  List<Container> containers() {
    return containers;
  }

  /** How many clones the inventory holds. */
  int cloneCount() {
    return cloneCount;
  }

  /** Whether a demanded VM claimed the container at {@code index} in {@link #containers()}. */
  boolean isClaimed(int index) {
    return claimed[index];
  }

  /** Whether the inventory holds a clone named {@code name}, claimed or not. */
  boolean isCloneName(String name) {
    int mask = cloneTable.length - 1;
    int hash = name.hashCode();
    for (int at = spread(hash) & mask; cloneTable[at] != 0; at = (at + 1) & mask) {
      long entry = cloneTable[at];
      if ((int) (entry >>> 32) == hash
          && containers.get((int) entry - 1).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Finds the inventory's clone named {@code name} and marks it claimed; null if none. */
  @Nullable Container claimClone(String name) {
    if (cloneCount == 0) {
      return null;
    }
    int mask = cloneTable.length - 1;
    int hash = name.hashCode();
    for (int at = spread(hash) & mask; cloneTable[at] != 0; at = (at + 1) & mask) {
      long entry = cloneTable[at];
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

  /** Whether the demanded VM id {@code name} is also a master's name. */
  boolean namesMaster(String name) {
    return !vmsNamingMasters.isEmpty() && vmsNamingMasters.contains(name);
  }

  /** Whether {@code id} is a clone of the inventory. */
  boolean isClone(ContainerId id) {
    Set<ContainerId> ids = cloneIds;
    if (ids == null) {
      ids = new HashSet<>();
      for (Container c : containers) {
        if (!c.isMaster()) {
          ids.add(c.id());
        }
      }
      cloneIds = ids;
    }
    return ids.contains(id);
  }

  /** The ordinal of the master with id {@code id}, or -1 if it is no master of the inventory. */
  int masterOrdinal(ContainerId id) {
    String value = id.value();
    int hash = value.hashCode();
    int mask = masterTable.length - 1;
    for (int at = spread(hash) & mask; masterTable[at] != 0; at = (at + 1) & mask) {
      long entry = masterTable[at];
      int m = (int) entry - 1;
      if ((int) (entry >>> 32) == hash && masterIds[m].equals(value)) {
        return m;
      }
    }
    return -1;
  }

  /** The master at {@code ordinal}. */
  Container masterAt(int ordinal) {
    return masters.get(ordinal);
  }

  /** The image version of the master at {@code ordinal}. */
  ContentId contentAt(int ordinal) {
    return masterContents[ordinal];
  }

  /** How many masters the inventory holds, failed ones included. */
  int masterCount() {
    return masters.size();
  }

  /** The clones the demand keeps on the master at {@code ordinal}. */
  int keptAt(int ordinal) {
    return kept[ordinal];
  }

  /** Counts one more clone kept on the master at {@code ordinal}. */
  void addKept(int ordinal) {
    kept[ordinal]++;
  }

  /** The clones the demand keeps on all masters. */
  int keptOnMasters() {
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

  /** Marks master {@code id} a live member of its content's chosen group. */
  void markChosen(ContainerId id) {
    int m = masterOrdinal(id);
    if (m < 0) {
      throw new IllegalArgumentException("no master " + id);
    }
    chosen[m] = true;
  }

  /** The clones the demand keeps on master {@code id}; 0 for no master. */
  int kept(ContainerId id) {
    int m = masterOrdinal(id);
    return m < 0 ? 0 : kept[m];
  }

  /** Whether a master being copied reads from {@code id}. */
  boolean isCopySource(ContainerId id) {
    return copyingSources.contains(id);
  }

  /** The ready and copying masters of each group, by group id; each list sorted by name. */
  Map<String, List<Container>> liveByGroup() {
    return liveByGroup;
  }

  /** The ready and copying masters of {@code group}, sorted by name. */
  List<Container> live(String group) {
    return requireNonNull(liveByGroup.get(group), "group");
  }

  /** The failed masters of each group, by group id; each list sorted by name. */
  Map<String, List<Container>> failedByGroup() {
    return failedByGroup;
  }

  /** The failed masters of {@code group}, sorted by name; empty if none. */
  List<Container> failed(String group) {
    return failedByGroup.getOrDefault(group, List.of());
  }

  /** The masters' names shaped like a replica name, the inventory's and those named so far. */
  List<String> replicaShapedNames() {
    return replicaShapedNames;
  }

  /** Records a new replica's name, so later groups do not take its ordinal. */
  void addReplicaName(String name) {
    if (ReplicaNamer.mayBeReplicaName(name)) {
      replicaShapedNames.add(name);
    }
  }

  /**
   * Whether the demand lists a VM named {@code name}, found by its id's order; a name that is no
   * valid VM id is refused as {@link VmId#of} refuses it.
   */
  boolean demandHas(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        VmId.of(name);
      }
    }
    return demandIndexOf(name) >= 0;
  }

  /** The position in the demand of the VM named {@code name}, or -1 if it holds none. */
  private int demandIndexOf(String name) {
    List<VmId> ids = demandIds;
    if (ids.isEmpty() || ids.get(0).value().compareTo(name) > 0
        || ids.get(ids.size() - 1).value().compareTo(name) < 0) {
      return -1;
    }
    int low = 0;
    int high = ids.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = ids.get(mid).value().compareTo(name);
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
