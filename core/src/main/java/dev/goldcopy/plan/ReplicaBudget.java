package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.mul;
import static dev.goldcopy.plan.PlanMath.sat;
import static dev.goldcopy.plan.PlanMath.slots;

/**
 * Bounds a group's new replicas by the policy's master cap, then the new replicas and clones
 * together by the free capacity and the array's virtual copy total, choosing the replica count
 * that places the most clones; names the limit that binds and how.
 */
final class ReplicaBudget {
  private ReplicaBudget() {}

  /** Sets {@code g}'s new masters, clones to make, binding limit and bound note. */
  static void bound(PlanScope run, GroupScope g) {
    applyCap(run.policy.maxMastersPerGroup(), g);
    long image = g.target.image();
    long growth = run.policy.expectedCloneGrowthBytes();
    SlotLedger total = run.deletions.arrayTotal();
    long budget = run.capacity.available();
    long placeable = placeable(g, g.newMasters);
    long affordable = affordable(budget, g.newMasters, placeable, image, growth, total.remaining());
    if (affordable < placeable) {
      long bestM = 0;
      long bestC = -1;
      for (long m = 0; m <= g.newMasters; m++) {
        long c = affordable(budget, m, placeable(g, m), image, growth, total.remaining());
        if (c > bestC) {
          bestC = c;
          bestM = m;
        }
      }
      long wanted = g.newMasters;
      g.newMasters = bestM;
      affordable = Math.max(0, bestC);
      if (g.bound == null) {
        g.bound = total.remaining() < placeable && affordable >= total.remaining()
            ? Shortfall.Limit.ARRAY_TOTAL
            : Shortfall.Limit.CAPACITY;
      }
      g.boundNote +=
          " " + (g.bound == Shortfall.Limit.ARRAY_TOTAL
              ? "The array's virtual copy total (" + run.caps.maxVirtualCopiesTotal()
                  + ") leaves room for " + total.remaining() + " more clone(s)"
              : "Free capacity (" + budget + " bytes) pays for " + bestM + " of " + wanted
                  + " replica(s) at " + image + " bytes and " + affordable + " clone(s) at "
                  + growth + " bytes")
              + ".";
    }
    g.toMake = Math.min(placeable, affordable);
  }

  /** Holds the new masters to the policy's cap ({@code 0} for none). */
  private static void applyCap(int cap, GroupScope g) {
    if (cap <= 0) {
      return;
    }
    long allowed = Math.max(0, cap - g.existing);
    if (g.newMasters > allowed) {
      g.boundNote =
          " The master cap of " + cap + " bound: " + allowed + " new replica(s) instead of "
              + g.newMasters + ".";
      g.newMasters = allowed;
      if (placeable(g, allowed) < g.need) {
        g.bound = Shortfall.Limit.REPLICA_CAP;
      }
    }
  }

  /** The VMs the group places with {@code masters} new masters, by the hard caps. */
  private static long placeable(GroupScope g, long masters) {
    return Math.min(g.need, sat(g.availHard + slots(masters, g.target.perNewHard())));
  }

  /**
   * The clones {@code budget} bytes pay for once {@code masters} replicas of {@code image} bytes
   * are paid, at most {@code placeable} and {@code total}; -1 if the replicas alone cost more.
   */
  static long affordable(
      long budget, long masters, long placeable, long image, long growth, long total) {
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
}
