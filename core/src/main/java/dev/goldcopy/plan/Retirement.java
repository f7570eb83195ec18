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
    int[] kept = new int[KEPT_REASONS.length];
    for (int i = 0; i < g.live.size(); i++) {
      Container m = g.live.get(i);
      int why = keptReason(run, m);
      if (why < 0) {
        candidates.add(g.slots.get(i));
      } else {
        kept[why]++;
      }
    }
    candidates.sort(
        Comparator.comparingLong((MasterSlot s) -> ReplicaNamer.ordinal(g.group, s.name))
            .thenComparing(s -> s.name)
            .reversed());
    long canRetire = g.existing - target;
    Room soft = new Room();
    Room hard = new Room();
    for (MasterSlot s : g.slots) {
      soft.add(s.softCap);
      hard.add(s.hardCap);
    }
    Set<String> retiredNames = new HashSet<>();
    for (MasterSlot s : candidates) {
      if (g.retired >= canRetire) {
        break;
      }
      // The masters that stay must take every VM: the room is counted without this one, so a
      // group whose only unbounded master would retire keeps it (a reserved origin takes none).
      if (soft.without(s.softCap) < g.need) {
        kept[KEPT_REASONS.length - 1]++;
        continue;
      }
      soft.remove(s.softCap);
      hard.remove(s.hardCap);
      g.availSoft = soft.total();
      g.availHard = hard.total();
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
      run.capacity.credit(id, CopyCharges.replica(run.caps, m.sizeBytes()));
      run.deletions.containerTotal().credit(id);
      retiredNames.add(m.name());
      g.retired++;
    }
    if (g.retired > 0) {
      dropRetired(g, retiredNames);
    }
    g.keptNote = keptNote(g.existing - g.retired - target, kept);
  }

  /**
   * The room of a group's masters: the sum of the bounded ones, and how many are unbounded, so
   * that taking one unbounded master away is seen (a saturated sum could not show it).
   */
  private static final class Room {
    private long bounded;
    private int unbounded;

    void add(long cap) {
      if (cap >= UNBOUNDED) {
        unbounded++;
      } else {
        bounded = PlanMath.sat(bounded + cap);
      }
    }

    void remove(long cap) {
      if (cap >= UNBOUNDED) {
        unbounded--;
      } else {
        bounded -= cap;
      }
    }

    long without(long cap) {
      if (cap >= UNBOUNDED) {
        return unbounded > 1 ? UNBOUNDED : bounded;
      }
      return unbounded > 0 ? UNBOUNDED : bounded - cap;
    }

    long total() {
      return unbounded > 0 ? UNBOUNDED : bounded;
    }
  }

  /** Why a surplus master is kept, by index of {@link #keptReason}; the last: still serving. */
  private static final String[] KEPT_REASONS = {
    "the origin", "not Goldcopy's own", "still copying", "holding clones", "a copy source",
    "needed to serve the VMs"
  };

  /** The index in {@link #KEPT_REASONS} of why {@code m} may not retire, or -1 if it may. */
  private static int keptReason(PlanScope run, Container m) {
    if (m.isOrigin()) {
      return 0;
    }
    if (!run.index.manages(m)) {
      return 1;
    }
    if (!m.isReady()) {
      return 2;
    }
    if (run.index.masters().kept(m.id()) > 0) {
      return 3;
    }
    return run.index.isCopySource(m.id()) ? 4 : -1;
  }

  /** Says why the masters above the target are kept; empty when none are. */
  private static String keptNote(long surplus, int[] kept) {
    if (surplus <= 0) {
      return "";
    }
    StringBuilder b = new StringBuilder(" Kept ").append(surplus)
        .append(" master(s) above the target; masters that may not retire:");
    String sep = " ";
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] > 0) {
        b.append(sep).append(kept[i]).append(' ').append(KEPT_REASONS[i]);
        sep = ", ";
      }
    }
    return b.append('.').toString();
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
