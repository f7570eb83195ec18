package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.UNBOUNDED;
import static dev.goldcopy.plan.PlanMath.ceilDiv;
import static dev.goldcopy.plan.PlanMath.sat;
import static dev.goldcopy.plan.PlanMath.slots;

import dev.goldcopy.spi.Container;

/**
 * Opens a slot for each existing master of the group (its free room under the soft and hard caps,
 * none for a reserved origin, its clones' deletions pending), reports masters over the per-source
 * limit, and adds masters beyond the target when the existing ones cannot take their share.
 */
final class MasterSlots {
  private MasterSlots() {}

  /** Fills {@code g}'s slots, free room and new master count. */
  static void open(PlanScope run, GroupScope g) {
    GroupSizer.GroupTarget t = g.target;
    int hard = t.hard();
    int soft = t.soft();
    for (Container m : g.live) {
      long kept = run.index.masters().kept(m.id());
      if (hard > 0 && kept > hard) {
        run.findings.add(
            new Finding(
                Finding.Kind.MASTER_OVER_LIMIT,
                m.name(),
                "holds " + kept + " clones, over the per-source limit of " + hard
                    + "; they stay, it takes no new ones"));
      }
      boolean closed = t.reserved() && m.isOrigin();
      long softCap = closed ? 0 : soft == 0 ? UNBOUNDED : Math.max(0, soft - kept);
      MasterSlot slot = new MasterSlot(m.name(), null, m.isReady(), g.slots.size(), kept,
          softCap, closed, hard, run.deletions.pendingOf(m.id()));
      g.slots.add(slot);
      g.availSoft = sat(g.availSoft + softCap);
      g.availHard = sat(g.availHard + slot.hardCap);
    }
    addExtraMasters(g);
  }

  /** Sets the new masters: up to the target, and more when the free room is short. */
  private static void addExtraMasters(GroupScope g) {
    long target = g.target.target();
    long perNewSoft = g.target.perNewSoft();
    g.newMasters = Math.max(0, target - g.existing);
    if (g.availSoft + slots(g.newMasters, perNewSoft) < g.need) {
      long before = g.newMasters;
      long deficit = g.need - g.availSoft - slots(g.newMasters, perNewSoft);
      g.newMasters += perNewSoft >= UNBOUNDED ? 1 : ceilDiv(deficit, perNewSoft);
      if (g.newMasters > target - Math.min(target, g.existing) && before < g.newMasters) {
        g.extraNote =
            " " + (g.newMasters - before) + " more master(s) because the existing ones cannot"
                + " take their share (full or over the limit).";
      }
    }
  }
}
