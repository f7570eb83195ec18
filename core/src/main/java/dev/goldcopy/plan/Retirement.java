package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.UNBOUNDED;

import dev.goldcopy.spi.Container;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retires the replicas a group no longer needs: only when it gets no new master and has more than
 * its target; never the origin, a master with clones, one still copying, or the source of a copy
 * in progress; the highest ordinal first, and only while the others still serve every VM. A
 * retirement waits for its clones' deletions and credits the capacity with the replica's size.
 */
final class Retirement {
  private Retirement() {}

  /** Retires what {@code g} can spare; adds the deletions to {@code run}. */
  static void retire(PlanScope run, GroupScope g) {
    long target = g.target.target();
    if (g.newMasters != 0 || g.existing <= target) {
      return;
    }
    List<MasterSlot> candidates = new ArrayList<>();
    for (int i = 0; i < g.live.size(); i++) {
      Container m = g.live.get(i);
      if (!m.isOrigin()
          && run.index.manages(m)
          && m.isReady()
          && run.index.masters().kept(m.id()) == 0
          && !run.index.isCopySource(m.id())) {
        candidates.add(g.slots.get(i));
      }
    }
    candidates.sort(
        Comparator.comparingLong((MasterSlot s) -> ReplicaNamer.ordinal(g.group, s.name))
            .thenComparing(s -> s.name)
            .reversed());
    long canRetire = g.existing - target;
    Set<String> retiredNames = new HashSet<>();
    for (MasterSlot s : candidates) {
      if (g.retired >= canRetire) {
        break;
      }
      long softAfter = g.availSoft >= UNBOUNDED ? UNBOUNDED : g.availSoft - s.softCap;
      boolean stillServed =
          softAfter >= g.need
              && (softAfter < UNBOUNDED
                  || g.existing - g.retired - 1 > (g.target.reserved() ? 1 : 0)
                  || g.need == 0);
      if (!stillServed) {
        continue;
      }
      g.availSoft = softAfter;
      g.availHard = g.availHard >= UNBOUNDED ? UNBOUNDED : g.availHard - s.hardCap;
      Container m = g.live.get(s.index);
      String id = PlanRun.deleteStepId(m.name());
      run.retirements.add(
          new DeleteContainer(
              id,
              m.id(),
              m.name(),
              DeleteContainer.Cause.REPLICA_RETIRED,
              List.copyOf(run.deletions.pendingOf(m.id())),
              "Group " + g.group + " needs " + target + " master(s) and has " + g.existing
                  + "; this replica holds no clones (highest ordinal first)."));
      run.capacity.credit(id, m.sizeBytes());
      retiredNames.add(m.name());
      g.retired++;
    }
    if (g.retired > 0) {
      dropRetired(g, retiredNames);
    }
  }

  private static void dropRetired(GroupScope g, Set<String> retiredNames) {
    List<MasterSlot> keptSlots = new ArrayList<>();
    for (MasterSlot s : g.slots) {
      if (!retiredNames.contains(s.name)) {
        keptSlots.add(s);
      }
    }
    g.slots = keptSlots;
  }
}
