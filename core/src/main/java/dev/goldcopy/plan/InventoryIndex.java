package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.ContainerState;
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
  private final CloneTable clones;
  private final MasterTable masters = new MasterTable();
  /** The demanded VM ids that name a master; usually none. */
  private Set<String> vmsNamingMasters = Set.of();
  /** Masters' names shaped like a replica name ({@code -r} and digits): inventory and planned. */
  private final List<String> replicaShapedNames = new ArrayList<>();
  /** The names of the replicas planned so far. */
  private final List<String> plannedReplicaNames = new ArrayList<>();
  /** The collision keys of every master's name, the inventory's and planned; built on first use. */
  private @Nullable Set<String> masterKeys;
  /** The name {@link #nameTaken} checked last, and its collision key. */
  private @Nullable String lastKeyed;
  private @Nullable String lastKey;
  private final Map<String, List<Container>> liveByGroup = new TreeMap<>();
  /** The group whose live list {@link #lastLive} is: masters come group by group, mostly. */
  private @Nullable String lastGroup;
  private @Nullable List<Container> lastLive;
  private final Map<String, List<Container>> failedByGroup = new TreeMap<>();
  private final Set<ContainerId> copyingSources = new HashSet<>();
  private @Nullable Set<ContainerId> cloneIds;
  private final PlanningPolicy policy;
  private final OwnerId owner;
  private final Adoption adoption;
  /** Replicas Goldcopy does not manage (other owners', administrators'): counted, never used. */
  private final List<Container> unmanagedReplicas = new ArrayList<>();

  private InventoryIndex(Inventory inventory, List<VmId> demandIds, PlanningPolicy policy) {
    this.containers = inventory.containers();
    this.demandIds = demandIds;
    this.clones = new CloneTable(inventory);
    this.policy = policy;
    this.owner = policy.owner();
    this.adoption = policy.adoption();
  }

  /** Indexes {@code input}'s inventory and demand, for the default policy's owner. */
  static InventoryIndex of(PlanningInput input) {
    return of(input, PlanningPolicy.defaults());
  }

  /** Indexes {@code input}'s inventory and demand; {@code policy} says whose containers are whose. */
  static InventoryIndex of(PlanningInput input, PlanningPolicy policy) {
    InventoryIndex index =
        new InventoryIndex(input.inventory(), input.demand().vms().keySet().asList(), policy);
    index.build();
    return index;
  }

  /**
   * Whether the policy's owner may change or delete {@code c}: Goldcopy made it for this owner, or
   * the policy adopts it. The origin, administrators' volumes and other owners' are never managed.
   */
  boolean manages(Container c) {
    if (c.labels().isEmpty() && adoption.isNone()) {
      return false;
    }
    Ownership.Kind kind = Ownership.classify(c, owner, adoption);
    return kind == Ownership.Kind.OWN || kind == Ownership.Kind.ADOPTED;
  }

  /** The policy the index was made for. */
  PlanningPolicy policy() {
    return policy;
  }

  private void build() {
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.isMaster()) {
        addMaster(c);
      } else {
        // A clone's name is checked against each replica name when that name is made.
        clones.add(i);
      }
    }
    masters.seal();
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
    if (!c.isOrigin() && !manages(c)) {
      unmanagedReplicas.add(c);
      return;
    }
    String group = requireNonNull(c.group(), "group").value();
    if (c.isOrigin() && c.state() != ContainerState.READY) {
      return; // a failed or copying origin serves nothing, and is never planned for deletion
    }
    if (c.state() == ContainerState.FAILED) {
      failedByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(c);
    } else {
      liveOf(group).add(c);
      ContainerId source = c.source();
      if (c.state() == ContainerState.COPYING && source != null) {
        copyingSources.add(source);
      }
    }
  }

  /** The live masters' list of {@code group}; the last group's again without a lookup. */
  private List<Container> liveOf(String group) {
    List<Container> live = lastLive;
    if (live == null || !group.equals(lastGroup)) {
      live = liveByGroup.computeIfAbsent(group, g -> new ArrayList<>());
      lastGroup = group;
      lastLive = live;
    }
    return live;
  }

  /** The replicas the policy's owner does not manage, in the inventory's order. */
  List<Container> unmanagedReplicas() {
    return unmanagedReplicas;
  }

  /** The inventory's containers, in the inventory's order. */
  List<Container> containers() {
    return containers;
  }

  /** The inventory's clones by name, with the demand's claims. */
  CloneTable clones() {
    return clones;
  }

  /** The inventory's masters by ordinal, with the clones the demand keeps on them. */
  MasterTable masters() {
    return masters;
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

  /** Records a new replica's name, so later groups do not take its ordinal or its name. */
  void addReplicaName(String name) {
    if (ReplicaNamer.mayBeReplicaName(name)) {
      replicaShapedNames.add(name);
    }
    plannedReplicaNames.add(name);
    Set<String> keys = masterKeys;
    if (keys != null) {
      // Usually the name nameTaken just read: its key is known.
      keys.add(name.equals(lastKeyed) ? requireNonNull(lastKey, "key")
          : policy.naming().collisionKey(name));
    }
  }

  /**
   * Whether a new replica may not be named {@code name}: a clone of the store or a demanded VM has
   * that name, or a master's name (the store's, of any owner, or one planned) has its collision key.
   */
  boolean nameTaken(String name) {
    if (clones.contains(name) || demandHas(name)) {
      return true;
    }
    NamingStrategy naming = policy.naming();
    Set<String> keys = masterKeys;
    if (keys == null) {
      // Sized for as many new replicas as masters, without growing.
      keys = new HashSet<>(Math.max(16, (masters.count() + plannedReplicaNames.size()) * 3));
      for (int m = 0; m < masters.count(); m++) {
        keys.add(naming.collisionKey(masters.at(m).name()));
      }
      for (String planned : plannedReplicaNames) {
        keys.add(naming.collisionKey(planned));
      }
      masterKeys = keys;
    }
    String key = naming.collisionKey(name);
    lastKeyed = name;
    lastKey = key;
    return keys.contains(key);
  }

  /**
   * Whether the demand lists a VM named {@code name}, found by its id's order; a name that is no
   * valid VM id is refused as {@link VmId#of} refuses it.
   */
  boolean demandHas(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // Printable ASCII is neither; only other characters are asked about.
      if ((c <= 0x20 || c >= 0x7f) && (Character.isWhitespace(c) || Character.isISOControl(c))) {
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
