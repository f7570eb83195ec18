package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.ceilDiv;
import static dev.goldcopy.plan.PlanMath.mul;
import static dev.goldcopy.plan.PlanMath.sat;
import static dev.goldcopy.plan.PlanMath.slots;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One call of {@link ContainerReplicationPlanner#plan}: indexes the input once, then plans. */
final class PlanRun {
  private static final long UNBOUNDED = PlanMath.UNBOUNDED;

  private final PlanningPolicy policy;
  private final PlanningInput input;
  private final ArrayCapabilities caps;
  private final List<Finding> findings = new ArrayList<>();
  private final List<PlanStep> retirements = new ArrayList<>();
  private final List<Shortfall> shortfalls = new ArrayList<>();
  private final List<GroupSizing> sizing = new ArrayList<>();
  private final List<FanOutScheduler.GroupCopies> copies = new ArrayList<>();
  private @Nullable InventoryIndex index;
  private DemandClassifier.@Nullable Result demand;
  private DeletionPlanner.@Nullable Deletions deletions;
  private @Nullable CapacityLedger capacity;
  private @Nullable ClonePlacer placer;

  PlanRun(PlanningPolicy policy, PlanningInput input) {
    this.policy = policy;
    this.input = input;
    this.caps = input.capabilities();
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
    InventoryIndex index = InventoryIndex.of(input);
    this.index = index;
    Map<ContentId, String> chosenGroup = GroupChoice.choose(index, findings);
    DemandClassifier.Result demand =
        DemandClassifier.classify(input, index, chosenGroup, findings);
    this.demand = demand;
    DeletionPlanner.Deletions deletions =
        DeletionPlanner.plan(index, demand, findings, policy, caps);
    this.deletions = deletions;
    this.capacity = deletions.capacity();
    int placing = 0;
    for (DemandClassifier.ContentDemand d : demand.byContent().values()) {
      placing += d.toPlace.size();
    }
    List<PlanStep> clones = new ArrayList<>(placing);
    placer =
        new ClonePlacer(policy, deletions.capacity(), deletions.arrayTotal(), demand.oldDelete(),
            clones);
    for (Map.Entry<ContentId, String> e : chosenGroup.entrySet()) {
      planGroup(e.getKey(), e.getValue());
    }
    List<CreateReplica> replicas =
        FanOutScheduler.schedule(copies, caps.maxConcurrentPhysicalCopies());
    PlanStep[] steps =
        new PlanStep[
            deletions.cloneDeletes().size() + deletions.masterDeletes().size()
                + retirements.size() + replicas.size() + clones.size()];
    int at = 0;
    at = copyInto(deletions.cloneDeletes(), steps, at);
    at = copyInto(deletions.masterDeletes(), steps, at);
    at = copyInto(retirements, steps, at);
    at = copyInto(replicas, steps, at);
    copyInto(clones, steps, at);
    // An immutable list already, so the plan keeps it without another copy.
    return new ReplicationPlan(input.store(), List.of(steps), shortfalls, sizing, findings);
  }

  private static int copyInto(List<? extends PlanStep> from, PlanStep[] to, int at) {
    for (int i = 0; i < from.size(); i++) {
      to[at + i] = from.get(i);
    }
    return at + from.size();
  }

  private int kept(dev.goldcopy.spi.ContainerId id) {
    return requireNonNull(index, "index").kept(id);
  }

  private java.util.ArrayDeque<String> pendingOf(dev.goldcopy.spi.ContainerId id) {
    return requireNonNull(deletions, "deletions").pendingOf(id);
  }

  private void planGroup(ContentId content, String groupKey) {
    InventoryIndex index = requireNonNull(this.index, "index");
    List<Container> live = new ArrayList<>(index.live(groupKey));
    GroupId group = requireNonNull(live.get(0).group(), "group");
    DemandClassifier.ContentDemand demand =
        requireNonNull(this.demand, "demand").byContent().get(content);
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
            && !index.isCopySource(m.id())) {
          candidates.add(slots.get(i));
        }
      }
      candidates.sort(
          Comparator.comparingLong((MasterSlot s) -> ReplicaNamer.ordinal(group, s.name))
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
    SlotLedger total = requireNonNull(deletions, "deletions").arrayTotal();
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
    ReplicaNamer namer =
        new ReplicaNamer(index, group, index.failed(groupKey),
            requireNonNull(deletions, "deletions").failedMasterDelete());
    String why =
        "Group " + group + " needs " + Math.max(target, existing + newMasters) + " master(s) for "
            + n + " VM(s).";
    for (long i = 0; i < newMasters; i++) {
      ReplicaNamer.Name named = namer.next(caps.maxNameLength());
      String name = named.name();
      List<String> extra = named.waitsFor();
      List<String> paid = requireNonNull(capacity, "capacity").take(image);
      if (!paid.isEmpty()) {
        List<String> all = new ArrayList<>(extra);
        all.addAll(paid);
        extra = all;
      }
      index.addReplicaName(name);
      String stepId = replicaStepId(name);
      pending.add(new FanOutScheduler.NewReplica(name, stepId, extra, why));
      slots.add(
          new MasterSlot(name, stepId, slots.size(), 0, perNewSoft, false, hard, DeletionPlanner.NONE_PENDING));
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
}
