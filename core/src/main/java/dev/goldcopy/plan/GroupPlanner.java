package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans one image version's replica group: sizes it, opens its masters' slots, retires what it
 * can spare, bounds the new replicas, names and pays for them, places the new clones, and records
 * the shortfall and the sizing account.
 */
final class GroupPlanner {
  private GroupPlanner() {}

  /** Plans {@code content}'s chosen group {@code key}; adds its steps and accounts to {@code run}. */
  static void plan(PlanScope run, ContentId content, String key) {
    GroupScope g = GroupScope.open(run, content, key);
    MasterSlots.open(run, g);
    Retirement.retire(run, g);
    ReplicaBudget.bound(run, g);
    List<FanOutScheduler.NewReplica> pending = addReplicas(run, g);
    if (!pending.isEmpty()) {
      run.copies.add(copies(g, g.retired > 0 ? g.slots : null, pending));
    }
    run.placer.place(content, g.toPlace.subList(0, (int) g.toMake), g.slots, g.target.k());
    record(run, g);
  }

  /** Names the new replicas, pays for each and opens its slot. */
  private static List<FanOutScheduler.NewReplica> addReplicas(PlanScope run, GroupScope g) {
    List<FanOutScheduler.NewReplica> pending = new ArrayList<>();
    if (g.newMasters == 0) {
      return pending;
    }
    ReplicaNamer namer = new ReplicaNamer(run.index, g.group, run.caps.nameRules(),
        run.index.failed(g.key), run.deletions.failedMasterDelete());
    String why =
        "Group " + g.group + " needs " + Math.max(g.target.target(), g.existing + g.newMasters)
            + " master(s) for " + g.target.n() + " VM(s).";
    for (long i = 0; i < g.newMasters; i++) {
      ReplicaNamer.Name named;
      try {
        named = namer.next();
      } catch (IllegalArgumentException unnamed) {
        ReplicaBudget.stopAtUnnamed(g, i, unnamed.getMessage());
        break;
      }
      String name = named.name();
      List<String> extra = named.waitsFor();
      List<String> paid = run.capacity.take(CopyCharges.replica(run.caps, g.target.image()));
      List<String> volume = run.deletions.containerTotal().take();
      if (!paid.isEmpty() || !volume.isEmpty()) {
        List<String> all = new ArrayList<>(extra);
        all.addAll(paid);
        all.addAll(volume);
        extra = all;
      }
      run.index.addReplicaName(name);
      String stepId = PlanRun.replicaStepId(name);
      pending.add(new FanOutScheduler.NewReplica(name, stepId, extra, why));
      g.slots.add(new MasterSlot(name, stepId, g.slots.size(), 0, g.target.perNewSoft(), false,
          g.target.hard(), DeletionPlanner.NONE_PENDING));
    }
    return pending;
  }

  /**
   * The group's copy sources: its ready masters (the origin first), or its copying ones when none
   * is ready; only those in {@code keptSlots} when some were retired.
   */
  private static FanOutScheduler.GroupCopies copies(
      GroupScope g, @Nullable List<MasterSlot> keptSlots, List<FanOutScheduler.NewReplica> pending) {
    @Nullable Set<String> keptNames = null;
    if (keptSlots != null) {
      keptNames = new HashSet<>();
      for (MasterSlot s : keptSlots) {
        keptNames.add(s.name);
      }
    }
    List<String> ready = new ArrayList<>(g.live.size());
    List<String> copying = new ArrayList<>();
    for (Container m : g.live) {
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
        g.group,
        g.content,
        g.target.image(),
        useCopying ? copying : ready,
        pending,
        useCopying ? " The group has no ready master: wait for the source to finish copying." : "");
  }

  /** Lists the VMs left without a clone and the group's sizing account. */
  private static void record(PlanScope run, GroupScope g) {
    GroupSizer.GroupTarget t = g.target;
    String bound = g.boundNote;
    if (g.toMake < g.need) {
      Shortfall.Limit limit = g.bound == null ? Shortfall.Limit.PER_SOURCE : g.bound;
      List<VmId> left = List.copyOf(g.toPlace.subList((int) g.toMake, g.toPlace.size()));
      run.shortfalls.add(
          new Shortfall(
              g.content,
              limit,
              left,
              left.size() + " of " + t.n() + " VM(s) of " + g.content + " get no clone:"
                  + g.boundNote));
      // Said once, in the shortfall; the sizing names it.
      bound = " " + left.size() + " VM(s) short, limit " + limit + ".";
    }
    ratioFinding(run, g);
    run.sizing.add(
        new GroupSizing(
            g.content,
            g.group,
            t.n(),
            (int) g.toMake,
            t.soft(),
            (int) Math.min(Integer.MAX_VALUE, t.countNeed()),
            (int) Math.min(Integer.MAX_VALUE, t.throughputNeed()),
            (int) (g.existing - g.retired + g.newMasters),
            g.existing,
            (int) g.newMasters,
            g.retired,
            GroupSizer.note(t, run.policy.growthHeadroomPercent(), g.existing, g.newMasters,
                g.retired) + g.extraNote + g.keptNote + bound
                + ReplicaBudget.capNote(run.policy)));
  }

  /** Says when the masters take clones above the soft ratio, how many, and why. */
  private static void ratioFinding(PlanScope run, GroupScope g) {
    GroupSizer.GroupTarget t = g.target;
    if (t.soft() == 0 || t.soft() == t.hard()) {
      return;
    }
    int masters = 0;
    long above = 0;
    for (MasterSlot s : g.slots) {
      if (s.placed > s.softCap) {
        masters++;
        above += s.placed - s.softCap;
      }
    }
    if (masters == 0) {
      return;
    }
    String why = g.boundNote.isEmpty()
        ? " The existing masters cannot take their share within it." : g.boundNote;
    run.findings.add(
        new Finding(
            Finding.Kind.RATIO_EXCEEDED,
            g.group.value(),
            masters + " master(s) take " + above + " clone(s) above the clone ratio of "
                + t.soft() + " (up to the hard limit of "
                + (t.hard() == 0 ? "none" : Integer.toString(t.hard()))
                + ") because the group cannot grow:" + why));
  }
}
