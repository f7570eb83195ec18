package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.ceilDiv;
import static dev.goldcopy.plan.PlanMath.mul;
import static dev.goldcopy.plan.PlanMath.sat;
import static dev.goldcopy.plan.PlanMath.slots;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One call of {@link ContainerReplicationPlanner#plan}: indexes the input once, then plans. */
final class PlanRun {
  static final Comparator<ContentId> CONTENT_ORDER =
      Comparator.comparing(ContentId::imageId).thenComparing(ContentId::version);
  private static final long UNBOUNDED = PlanMath.UNBOUNDED;
  private static final ArrayDeque<String> NONE_PENDING = new ArrayDeque<>(0);

  private final PlanningPolicy policy;
  private final PlanningInput input;
  private final ArrayCapabilities caps;

  // The input, indexed once.
  /** Masters' names shaped like a replica name ({@code -r} and digits): inventory and planned. */
  private final List<String> replicaShapedNames = new ArrayList<>();
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
  /** The demanded VM ids that name a master, found before the demand is read; usually none. */
  private Set<String> vmsNamingMasters = Set.of();
  private final Map<String, String> oldDelete = new HashMap<>();
  private final Map<ContentId, ContentDemand> demandByContent = new HashMap<>();
  private @Nullable Set<ContainerId> cloneIds;
  private final Map<String, List<Container>> liveByGroup = new TreeMap<>();
  private final Map<String, List<Container>> failedByGroup = new TreeMap<>();
  private final Map<ContentId, String> chosenGroup = new TreeMap<>(CONTENT_ORDER);
  private final Map<ContainerId, MasterInfo> masterInfo;
  private final Map<ContainerId, int[]> otherKept = new HashMap<>();
  private final Map<ContainerId, ArrayDeque<String>> pendingBySource = new HashMap<>();
  private final Set<ContainerId> copyingSources = new HashSet<>();
  private final Map<String, String> failedMasterDelete = new HashMap<>();
  private final ArrayDeque<String> pendingCloneDeletes = new ArrayDeque<>();

  // The plan, as it is made.
  private final List<PlanStep> cloneDeletes = new ArrayList<>();
  private final List<ContainerId> cloneDeleteSources = new ArrayList<>();
  private final List<PlanStep> masterDeletes = new ArrayList<>();
  private final List<PlanStep> retirements = new ArrayList<>();
  private final ArrayList<PlanStep> clones = new ArrayList<>();
  private final List<Shortfall> shortfalls = new ArrayList<>();
  private final List<GroupSizing> sizing = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<FanOutScheduler.GroupCopies> copies = new ArrayList<>();
  private @Nullable CapacityLedger capacity;
  private @Nullable SlotLedger arrayTotal;
  private @Nullable ClonePlacer placer;

  PlanRun(PlanningPolicy policy, PlanningInput input) {
    this.policy = policy;
    this.input = input;
    this.caps = input.capabilities();
    this.containers = input.inventory().containers();
    this.demandIds = input.demand().vms().keySet().asList();
    this.masterInfo = new HashMap<>();
    this.cloneTable = new long[Integer.highestOneBit(Math.max(1, containers.size()) * 2 - 1) * 2];
    this.claimed = new boolean[containers.size()];
  }

  /** A master's kept clones, and whether it is a live member of its content's chosen group. */
  private static final class MasterInfo {
    final Container master;
    boolean chosen;
    int kept;

    MasterInfo(Container master) {
      this.master = master;
    }
  }

  /** The demand for one image version: how many VMs, and those that need a new clone. */
  private static final class ContentDemand {
    final VmId first;
    int vms;
    final List<VmId> toPlace;

    ContentDemand(VmId first, int expected) {
      this.first = first;
      this.toPlace = new ArrayList<>(expected);
    }
  }

  private static int copyInto(List<? extends PlanStep> from, PlanStep[] to, int at) {
    for (int i = 0; i < from.size(); i++) {
      to[at + i] = from.get(i);
    }
    return at + from.size();
  }

  /** Mixes a hash so that similar names (consecutive hashes) land far apart. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Whether the inventory holds a clone named {@code name}, claimed or not. */
  private boolean isCloneName(String name) {
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
  private @Nullable Container claimClone(String name) {
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

  static String replicaStepId(String name) {
    return "replica:" + name;
  }

  static String cloneStepId(String name) {
    return "clone:" + name;
  }

  static String deleteStepId(String name) {
    return "delete:" + name;
  }

  ReplicationPlan run() {
    if (!input.store().equals(input.inventory().store())) {
      throw new IllegalArgumentException(
          "inventory.store: the inventory lists " + input.inventory().store()
              + ", not the planned store " + input.store());
    }
    indexInventory();
    chooseGroups();
    classifyDemandAndClones();
    queueCloneDeletes();
    cleanUpFailedMasters();
    CapacityLedger ledger = new CapacityLedger(caps.freeCapacityBytes());
    for (PlanStep step : cloneDeletes) {
      ledger.credit(step.id(), policy.expectedCloneGrowthBytes());
    }
    for (PlanStep step : masterDeletes) {
      DeleteContainer d = (DeleteContainer) step;
      ledger.credit(
          d.id(), requireNonNull(masterInfo.get(d.container()), "container").master.sizeBytes());
    }
    capacity = ledger;
    int keptTotal = 0;
    for (MasterInfo m : masterInfo.values()) {
      keptTotal += m.kept;
    }
    for (int[] k : otherKept.values()) {
      keptTotal += k[0];
    }
    arrayTotal = new SlotLedger(caps.maxVirtualCopiesTotal(), keptTotal, pendingCloneDeletes);
    placer = new ClonePlacer(policy, ledger, arrayTotal, oldDelete, clones);
    int placing = 0;
    for (ContentDemand d : demandByContent.values()) {
      placing += d.toPlace.size();
    }
    clones.ensureCapacity(placing);
    for (Map.Entry<ContentId, String> e : chosenGroup.entrySet()) {
      planGroup(e.getKey(), e.getValue());
    }
    List<CreateReplica> replicas =
        FanOutScheduler.schedule(copies, caps.maxConcurrentPhysicalCopies());
    PlanStep[] steps =
        new PlanStep[
            cloneDeletes.size() + masterDeletes.size() + retirements.size() + replicas.size()
                + clones.size()];
    int at = 0;
    at = copyInto(cloneDeletes, steps, at);
    at = copyInto(masterDeletes, steps, at);
    at = copyInto(retirements, steps, at);
    at = copyInto(replicas, steps, at);
    copyInto(clones, steps, at);
    // An immutable list already, so the plan keeps it without another copy.
    return new ReplicationPlan(input.store(), List.of(steps), shortfalls, sizing, findings);
  }

  private void indexInventory() {
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
      if (mayBeReplicaName(name)) {
        replicaShapedNames.add(name);
      }
      masterInfo.put(c.id(), new MasterInfo(c));
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
    Comparator<Container> byName = Comparator.comparing(Container::name);
    liveByGroup.values().forEach(l -> l.sort(byName));
    failedByGroup.values().forEach(l -> l.sort(byName));
  }

  private void chooseGroups() {
    Map<ContentId, List<String>> groupsOf = new TreeMap<>(CONTENT_ORDER);
    for (Map.Entry<String, List<Container>> e : liveByGroup.entrySet()) {
      ContentId content = e.getValue().get(0).content();
      for (Container m : e.getValue()) {
        if (!m.content().equals(content)) {
          throw new IllegalArgumentException(
              "inventory.containers: group " + e.getKey() + " holds both " + content + " and "
                  + m.content() + " (master " + m.name() + ")");
        }
      }
      groupsOf.computeIfAbsent(content, c -> new ArrayList<>()).add(e.getKey());
    }
    for (Map.Entry<ContentId, List<String>> e : groupsOf.entrySet()) {
      List<String> groups = e.getValue();
      String chosen = groups.get(0);
      String why = "it has the lowest group id";
      for (String g : groups) {
        if (requireNonNull(liveByGroup.get(g), "group").stream().anyMatch(Container::isOrigin)) {
          chosen = g;
          why = "it holds the origin";
          break;
        }
      }
      chosenGroup.put(e.getKey(), chosen);
      for (Container m : requireNonNull(liveByGroup.get(chosen), "group")) {
        requireNonNull(masterInfo.get(m.id()), "master").chosen = true;
      }
      if (groups.size() > 1) {
        findings.add(
            new Finding(
                Finding.Kind.SEVERAL_GROUPS,
                chosen,
                "groups " + groups + " all hold " + e.getKey() + "; planned with " + chosen
                    + " because " + why + ". The others are left as they are."));
      }
    }
  }

  private void classifyDemandAndClones() {
    int maxName = caps.maxNameLength();
    ContentId lastContent = null;
    ContentDemand last = null;
    List<VmId> vms = demandIds;
    List<ContentId> contents = input.demand().vms().values().asList();
    for (int i = 0; i < vms.size(); i++) {
      VmId vm = vms.get(i);
      ContentId wanted = contents.get(i);
      String name = vm.value();
      if (name.length() > maxName) {
        throw new IllegalArgumentException(
            "demand.vms: VM id " + vm + " names its clone and is longer than"
                + " capabilities.maxNameLength (" + maxName + ")");
      }
      if (!vmsNamingMasters.isEmpty() && vmsNamingMasters.contains(name)) {
        throw new IllegalArgumentException(
            "demand.vms: VM id " + vm + " is the name of a master; a clone cannot take it");
      }
      ContentDemand demand = last;
      if (demand == null || !wanted.equals(lastContent)) {
        demand = demandByContent.get(wanted);
        if (demand == null) {
          // The first image version's list is sized for every VM left less the clones that may
          // stay; the others grow as they need.
          int expected =
              demandByContent.isEmpty() ? Math.max(10, vms.size() - i - cloneCount) : 10;
          demand = new ContentDemand(vm, expected);
          demandByContent.put(wanted, demand);
        }
        last = demand;
        lastContent = wanted;
      }
      demand.vms++;
      Container c = claimClone(name);
      if (c == null) {
        demand.toPlace.add(vm);
        continue;
      }
      ContainerId source = requireNonNull(c.source(), "source");
      if (c.state() == ContainerState.FAILED) {
        oldDelete.put(
            name,
            deleteClone(c, source, DeleteContainer.Cause.FAILED_COPY, "The clone's copy failed."));
        demand.toPlace.add(vm);
      } else if (!wanted.equals(c.content())) {
        oldDelete.put(
            name,
            deleteClone(
                c,
                source,
                DeleteContainer.Cause.VM_REMOVED,
                "VM " + name + " moves from " + c.content() + " to " + wanted
                    + "; its new clone waits for this deletion."));
        demand.toPlace.add(vm);
      } else {
        keep(c, source, wanted);
      }
    }
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (claimed[i] || c.isMaster()) {
        continue;
      }
      ContainerId source = requireNonNull(c.source(), "source");
      if (c.state() == ContainerState.FAILED) {
        deleteClone(c, source, DeleteContainer.Cause.FAILED_COPY, "The clone's copy failed.");
      } else {
        deleteClone(
            c, source, DeleteContainer.Cause.VM_REMOVED, "VM " + c.name() + " left the demand.");
      }
    }
    List<ContentId> unknown = new ArrayList<>();
    for (ContentId content : demandByContent.keySet()) {
      if (!chosenGroup.containsKey(content)) {
        unknown.add(content);
      }
    }
    if (!unknown.isEmpty()) {
      unknown.sort(CONTENT_ORDER);
      ContentId content = unknown.get(0);
      throw new IllegalArgumentException(
          "demand.vms: unknown image " + content + " (wanted by VM "
              + requireNonNull(demandByContent.get(content), "demand").first
              + "): no ready or copying master holds it");
    }
  }

  private void keep(Container c, ContainerId source, ContentId wanted) {
    MasterInfo info = masterInfo.get(source);
    if (info != null) {
      info.kept++;
      if (info.chosen && info.master.content().equals(wanted)) {
        return;
      }
    } else {
      otherKept.computeIfAbsent(source, k -> new int[1])[0]++;
    }
    Container master = info == null ? null : info.master;
    String group = chosenGroup.get(wanted);
    if (master == null && !isClone(source)) {
      findings.add(
          new Finding(
              Finding.Kind.CLONE_SOURCE_MISSING,
              c.name(),
              "its source " + source + " is not in the inventory; kept, it still serves VM "
                  + c.name()));
    } else {
      findings.add(
          new Finding(
              Finding.Kind.CLONE_OUTSIDE_GROUP,
              c.name(),
              "its source " + (master == null ? source + ", a virtual copy," : master.name())
                  + " is not a ready member of group " + group + " for " + wanted
                  + "; kept where it is, it still serves VM " + c.name()));
    }
  }

  private String deleteClone(
      Container c, ContainerId source, DeleteContainer.Cause cause, String reason) {
    String id = deleteStepId(c.name());
    cloneDeletes.add(new DeleteContainer(id, c.id(), c.name(), cause, List.of(), reason));
    cloneDeleteSources.add(source);
    return id;
  }

  /** Sorts the clone deletions by name and queues them as pending slot and total credits. */
  private void queueCloneDeletes() {
    Integer[] order = new Integer[cloneDeletes.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, Comparator.comparing(i -> ((DeleteContainer) cloneDeletes.get(i)).name()));
    List<PlanStep> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      DeleteContainer d = (DeleteContainer) cloneDeletes.get(i);
      sorted.add(d);
      pendingBySource
          .computeIfAbsent(cloneDeleteSources.get(i), s -> new ArrayDeque<>())
          .add(d.id());
      pendingCloneDeletes.add(d.id());
    }
    cloneDeletes.clear();
    cloneDeletes.addAll(sorted);
  }

  private void cleanUpFailedMasters() {
    for (List<Container> failed : failedByGroup.values()) {
      for (Container m : failed) {
        int kept = kept(m.id());
        if (kept > 0) {
          findings.add(
              new Finding(
                  Finding.Kind.FAILED_MASTER_WITH_CLONES,
                  m.name(),
                  "failed copy still holds " + kept + " clone(s); it stays until they go"));
          continue;
        }
        String id = deleteStepId(m.name());
        ArrayDeque<String> clonesGoing = pendingOf(m.id());
        masterDeletes.add(
            new DeleteContainer(
                id,
                m.id(),
                m.name(),
                DeleteContainer.Cause.FAILED_COPY,
                List.copyOf(clonesGoing),
                "The physical copy failed; it holds no usable content."));
        failedMasterDelete.put(m.name(), id);
      }
    }
  }

  private void planGroup(ContentId content, String groupKey) {
    List<Container> live = new ArrayList<>(requireNonNull(liveByGroup.get(groupKey), "group"));
    GroupId group = requireNonNull(live.get(0).group(), "group");
    ContentDemand demand = demandByContent.get(content);
    List<VmId> toPlace = demand == null ? List.of() : demand.toPlace;
    int n = demand == null ? 0 : demand.vms;
    int hard = caps.maxVirtualCopiesPerSource();
    int soft = policy.cloneRatio() > 0 ? (hard > 0 ? Math.min(hard, policy.cloneRatio())
        : policy.cloneRatio()) : hard;
    boolean hasOrigin = false;
    for (Container m : live) {
      hasOrigin |= m.isOrigin();
    }
    boolean reserved = !policy.originServesClones() && hasOrigin;
    long image = 0;
    for (Container m : live) {
      image = Math.max(image, m.sizeBytes());
      int kept = kept(m.id());
      if (hard > 0 && kept > hard) {
        findings.add(
            new Finding(
                Finding.Kind.MASTER_OVER_LIMIT,
                m.name(),
                "holds " + kept + " clones, over the per-source limit of " + hard
                    + "; they stay, it takes no new ones"));
      }
    }

    // Count need and throughput need.
    long sizedN = n + ceilDiv((long) n * policy.growthHeadroomPercent(), 100);
    long serving = soft == 0 ? (sizedN > 0 ? 1 : 0) : ceilDiv(sizedN, soft);
    long countNeed = reserved ? 1 + serving : Math.max(1, serving);
    long concurrent = toPlace.size();
    if (caps.maxConcurrentVirtualCopies() > 0) {
      concurrent = Math.min(concurrent, caps.maxConcurrentVirtualCopies());
    }
    int k = policy.maxConcurrentCreationsPerSource();
    long throughputNeed = k > 0 && concurrent > 0 ? ceilDiv(concurrent, k) + (reserved ? 1 : 0) : 0;
    long target = Math.max(countNeed, throughputNeed);

    // Slots of the existing masters.
    List<MasterSlot> slots = new ArrayList<>(live.size());
    long availSoft = 0;
    long availHard = 0;
    for (Container m : live) {
      long kept = kept(m.id());
      boolean closed = reserved && m.isOrigin();
      long softCap = closed ? 0 : soft == 0 ? UNBOUNDED : Math.max(0, soft - kept);
      MasterSlot slot =
          new MasterSlot(m.name(), null, slots.size(), kept, softCap, closed, hard, pendingOf(m.id()));
      long hardCap = slot.hardCap;
      slots.add(slot);
      availSoft = sat(availSoft + softCap);
      availHard = sat(availHard + hardCap);
    }
    long perNewSoft = soft == 0 ? UNBOUNDED : soft;
    long perNewHard = hard == 0 ? UNBOUNDED : hard;
    long need = toPlace.size();
    int existing = live.size();

    long newMasters = Math.max(0, target - existing);
    String extraNote = "";
    if (availSoft + slots(newMasters, perNewSoft) < need) {
      long before = newMasters;
      long deficit = need - availSoft - slots(newMasters, perNewSoft);
      newMasters += perNewSoft >= UNBOUNDED ? 1 : ceilDiv(deficit, perNewSoft);
      if (newMasters > target - Math.min(target, existing) && before < newMasters) {
        extraNote =
            " " + (newMasters - before) + " more master(s) because the existing ones cannot take"
                + " their share (full or over the limit).";
      }
    }

    // Retire what the sizing no longer needs.
    int retired = 0;
    if (newMasters == 0 && existing > target) {
      List<MasterSlot> candidates = new ArrayList<>();
      for (int i = 0; i < live.size(); i++) {
        Container m = live.get(i);
        if (!m.isOrigin()
            && m.isReady()
            && kept(m.id()) == 0
            && !copyingSources.contains(m.id())) {
          candidates.add(slots.get(i));
        }
      }
      candidates.sort(
          Comparator.comparingLong((MasterSlot s) -> ordinal(group, s.name))
              .thenComparing(s -> s.name)
              .reversed());
      long canRetire = existing - target;
      Set<String> retiredNames = new HashSet<>();
      for (MasterSlot s : candidates) {
        if (retired >= canRetire) {
          break;
        }
        long softAfter = availSoft >= UNBOUNDED ? UNBOUNDED : availSoft - s.softCap;
        boolean stillServed =
            softAfter >= need && (softAfter < UNBOUNDED || existing - retired - 1 > (reserved ? 1
                : 0) || need == 0);
        if (!stillServed) {
          continue;
        }
        availSoft = softAfter;
        availHard = availHard >= UNBOUNDED ? UNBOUNDED : availHard - s.hardCap;
        Container m = live.get(s.index);
        retirements.add(
            new DeleteContainer(
                deleteStepId(m.name()),
                m.id(),
                m.name(),
                DeleteContainer.Cause.REPLICA_RETIRED,
                List.copyOf(pendingOf(m.id())),
                "Group " + group + " needs " + target + " master(s) and has " + existing
                    + "; this replica holds no clones (highest ordinal first)."));
        requireNonNull(capacity, "capacity").credit(deleteStepId(m.name()), m.sizeBytes());
        retiredNames.add(m.name());
        retired++;
      }
      if (retired > 0) {
        List<MasterSlot> keptSlots = new ArrayList<>();
        for (MasterSlot s : slots) {
          if (!retiredNames.contains(s.name)) {
            keptSlots.add(s);
          }
        }
        slots = keptSlots;
      }
    }

    // Bound the new masters by the cap, then capacity and the array's total.
    Shortfall.Limit bound = null;
    String boundNote = "";
    if (policy.maxMastersPerGroup() > 0) {
      long allowed = Math.max(0, policy.maxMastersPerGroup() - existing);
      if (newMasters > allowed) {
        boundNote =
            " The master cap of " + policy.maxMastersPerGroup() + " bound: " + allowed
                + " new replica(s) instead of " + newMasters + ".";
        newMasters = allowed;
        if (Math.min(need, sat(availHard + slots(newMasters, perNewHard))) < need) {
          bound = Shortfall.Limit.REPLICA_CAP;
        }
      }
    }
    long g = policy.expectedCloneGrowthBytes();
    SlotLedger total = requireNonNull(arrayTotal, "arrayTotal");
    long placeable = Math.min(need, sat(availHard + slots(newMasters, perNewHard)));
    long affordable = affordable(newMasters, placeable, image, g, total.remaining());
    if (affordable < placeable) {
      long bestM = 0;
      long bestC = -1;
      for (long m = 0; m <= newMasters; m++) {
        long c =
            affordable(m, Math.min(need, sat(availHard + slots(m, perNewHard))), image, g,
                total.remaining());
        if (c > bestC) {
          bestC = c;
          bestM = m;
        }
      }
      long wanted = newMasters;
      long budget = requireNonNull(capacity, "capacity").available();
      newMasters = bestM;
      affordable = Math.max(0, bestC);
      if (bound == null) {
        bound = total.remaining() < placeable && affordable >= total.remaining()
            ? Shortfall.Limit.ARRAY_TOTAL
            : Shortfall.Limit.CAPACITY;
      }
      boundNote +=
          " " + (bound == Shortfall.Limit.ARRAY_TOTAL
              ? "The array's virtual copy total (" + caps.maxVirtualCopiesTotal() + ") leaves room"
                  + " for " + total.remaining() + " more clone(s)"
              : "Free capacity (" + budget + " bytes) pays for " + bestM + " of " + wanted
                  + " replica(s) at " + image + " bytes and " + affordable + " clone(s) at " + g
                  + " bytes")
              + ".";
    }
    long toMake = Math.min(placeable, affordable);

    // Name the new replicas: failed copies' names first, then the smallest free ordinals.
    List<FanOutScheduler.NewReplica> pending = new ArrayList<>();
    List<Container> failed = new ArrayList<>(failedByGroup.getOrDefault(groupKey, List.of()));
    failed.sort(Comparator.comparingLong((Container c) -> ordinal(group, c.name()))
        .thenComparing(Container::name));
    int failedIndex = 0;
    int nextOrdinal = 1;
    int[] taken = null;
    int takenAt = 0;
    String why =
        "Group " + group + " needs " + Math.max(target, existing + newMasters) + " master(s) for "
            + n + " VM(s).";
    for (long i = 0; i < newMasters; i++) {
      String name = null;
      List<String> extra = List.of();
      while (failedIndex < failed.size() && name == null) {
        Container f = failed.get(failedIndex++);
        String del = failedMasterDelete.get(f.name());
        if (del != null) {
          name = f.name();
          extra = List.of(del);
        }
      }
      if (name == null) {
        if (taken == null) {
          taken = takenOrdinals(group);
        }
        while (name == null) {
          int ordinal = nextOrdinal++;
          while (takenAt < taken.length && taken[takenAt] < ordinal) {
            takenAt++;
          }
          if (takenAt < taken.length && taken[takenAt] == ordinal) {
            continue;
          }
          String candidate = replicaName(group, ordinal);
          if (!isCloneName(candidate) && !demandHas(candidate)) {
            name = candidate;
          }
        }
      }
      if (name.length() > caps.maxNameLength()) {
        throw new IllegalArgumentException(
            "inventory.containers: group " + group + " gives replica name " + name
                + ", longer than capabilities.maxNameLength (" + caps.maxNameLength() + ")");
      }
      List<String> paid = requireNonNull(capacity, "capacity").take(image);
      if (!paid.isEmpty()) {
        List<String> all = new ArrayList<>(extra);
        all.addAll(paid);
        extra = all;
      }
      if (mayBeReplicaName(name)) {
        replicaShapedNames.add(name);
      }
      String stepId = replicaStepId(name);
      pending.add(new FanOutScheduler.NewReplica(name, stepId, extra, why));
      slots.add(
          new MasterSlot(name, stepId, slots.size(), 0, perNewSoft, false, hard, NONE_PENDING));
    }
    if (!pending.isEmpty()) {
      copies.add(sourcesFor(group, content, image, live, retired > 0 ? slots : null, pending));
    }

    // Place the new clones, then list what is left out.
    List<VmId> placing = toPlace.subList(0, (int) toMake);
    requireNonNull(placer, "placer").place(content, placing, slots, k);
    if (toMake < need) {
      Shortfall.Limit limit = bound == null ? Shortfall.Limit.PER_SOURCE : bound;
      List<VmId> left = List.copyOf(toPlace.subList((int) toMake, toPlace.size()));
      shortfalls.add(
          new Shortfall(
              content,
              limit,
              left,
              left.size() + " of " + n + " VM(s) of " + content + " get no clone:"
                  + boundNote));
    }
    sizing.add(
        new GroupSizing(
            content,
            group,
            n,
            (int) toMake,
            soft,
            (int) Math.min(Integer.MAX_VALUE, countNeed),
            (int) Math.min(Integer.MAX_VALUE, throughputNeed),
            (int) (existing - retired + newMasters),
            existing,
            (int) newMasters,
            retired,
            note(n, toPlace.size(), hard, soft, reserved, sizedN, countNeed, k, concurrent,
                throughputNeed, existing, newMasters, retired) + extraNote + boundNote));
  }

  private FanOutScheduler.GroupCopies sourcesFor(
      GroupId group,
      ContentId content,
      long image,
      List<Container> live,
      @Nullable List<MasterSlot> keptSlots,
      List<FanOutScheduler.NewReplica> pending) {
    @Nullable Set<String> keptNames = null;
    if (keptSlots != null) {
      keptNames = new HashSet<>();
      for (MasterSlot s : keptSlots) {
        keptNames.add(s.name);
      }
    }
    List<String> ready = new ArrayList<>(live.size());
    List<String> copying = new ArrayList<>();
    for (Container m : live) {
      if (keptNames != null && !keptNames.contains(m.name())) {
        continue;
      }
      List<String> target = m.isReady() ? ready : copying;
      if (m.isOrigin()) {
        target.add(0, m.name());
      } else {
        target.add(m.name());
      }
    }
    boolean useCopying = ready.isEmpty();
    return new FanOutScheduler.GroupCopies(
        group,
        content,
        image,
        useCopying ? copying : ready,
        pending,
        useCopying ? " The group has no ready master: wait for the source to finish copying." : "");
  }

  private long affordable(long masters, long placeable, long image, long growth, long total) {
    long budget = requireNonNull(capacity, "capacity").available();
    long replicaCost = mul(masters, image);
    if (replicaCost > budget) {
      return -1;
    }
    long c = Math.min(placeable, total);
    if (growth > 0) {
      c = Math.min(c, (budget - replicaCost) / growth);
    }
    return c;
  }

  private String note(
      int n,
      int toCome,
      int hard,
      int soft,
      boolean reserved,
      long sizedN,
      long countNeed,
      int k,
      long concurrent,
      long throughputNeed,
      int existing,
      long newMasters,
      int retired) {
    StringBuilder b = new StringBuilder();
    b.append("N = ").append(n).append(" VM(s) (").append(n - toCome).append(" provisioned, ")
        .append(toCome).append(" to come)");
    if (sizedN != n) {
      b.append(", sized for ").append(sizedN).append(" with ")
          .append(policy.growthHeadroomPercent()).append("% headroom");
    }
    if (soft == 0) {
      b.append("; no per-source limit, so one master serves them all");
    } else {
      b.append("; L = ").append(soft)
          .append(soft != hard ? " (policy clone ratio; array limit "
              + (hard == 0 ? "none" : Integer.toString(hard)) + ")" : " (array per-source limit)");
      b.append("; count need ").append(reserved ? "1 + " : "max(1, ").append("ceil(")
          .append(sizedN).append(" / ").append(soft).append(")").append(reserved ? "" : ")")
          .append(" = ").append(countNeed);
      if (reserved) {
        b.append(" (the origin is reserved as a pristine source)");
      }
    }
    if (k > 0) {
      b.append("; throughput need ceil(").append(concurrent).append(" concurrent / ").append(k)
          .append(")").append(reserved && throughputNeed > 0 ? " + 1" : "").append(" = ")
          .append(throughputNeed);
    }
    b.append(". Masters: ").append(existing).append(" exist");
    if (newMasters > 0) {
      b.append(", ").append(newMasters).append(" new replica(s)");
    }
    if (retired > 0) {
      b.append(", ").append(retired).append(" retired");
    }
    b.append(" -> ").append(existing - retired + newMasters).append('.');
    if (throughputNeed > countNeed) {
      b.append(" Throughput bound.");
    }
    return b.toString();
  }

  /** The deletions of a master's clones; an empty queue, never written to, when it has none. */
  private ArrayDeque<String> pendingOf(ContainerId master) {
    ArrayDeque<String> pending = pendingBySource.get(master);
    return pending == null ? NONE_PENDING : pending;
  }

  private int kept(ContainerId master) {
    MasterInfo info = masterInfo.get(master);
    return info == null ? 0 : info.kept;
  }

  private boolean isClone(ContainerId id) {
    Set<ContainerId> ids = cloneIds;
    if (ids == null) {
      ids = new HashSet<>();
      for (Container c : input.inventory().containers()) {
        if (!c.isMaster()) {
          ids.add(c.id());
        }
      }
      cloneIds = ids;
    }
    return ids.contains(id);
  }

  /**
   * The ordinals {@code group}'s replica names already use, sorted: every name exactly as {@link
   * #replicaName} writes it for some ordinal, among the masters' names and those planned so far.
   */
  private int[] takenOrdinals(GroupId group) {
    String prefix = group.value() + "-r";
    int[] found = new int[replicaShapedNames.size()];
    int count = 0;
    for (String name : replicaShapedNames) {
      int digits = name.length() - prefix.length();
      // replicaName pads to three digits and writes no other leading zero.
      if (digits < 3 || digits > 9 || !name.startsWith(prefix)
          || (digits > 3 && name.charAt(prefix.length()) == '0')) {
        continue;
      }
      int value = 0;
      for (int i = prefix.length(); i < name.length() && value >= 0; i++) {
        char c = name.charAt(i);
        value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : -1;
      }
      if (value > 0) {
        found[count++] = value;
      }
    }
    int[] sorted = java.util.Arrays.copyOf(found, count);
    java.util.Arrays.sort(sorted);
    return sorted;
  }

  /**
   * Whether the demand lists a VM named {@code name}, found by its id's order; a name that is no
   * valid VM id is refused as {@link VmId#of} refuses it.
   */
  private boolean demandHas(String name) {
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

  /** Whether a name ends in {@code -r} and digits, the shape of a replica's name. */
  private static boolean mayBeReplicaName(String name) {
    int i = name.length() - 1;
    while (i >= 0 && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
      i--;
    }
    return i < name.length() - 1 && i >= 1 && name.charAt(i) == 'r' && name.charAt(i - 1) == '-';
  }

  private static String replicaName(GroupId group, int ordinal) {
    String pad = ordinal < 10 ? "-r00" : ordinal < 100 ? "-r0" : "-r";
    return group.value() + pad + ordinal;
  }

  private static long ordinal(GroupId group, String name) {
    String prefix = group.value() + "-r";
    if (!name.startsWith(prefix) || name.length() == prefix.length()
        || name.length() - prefix.length() > 9) {
      return -1;
    }
    long value = 0;
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
