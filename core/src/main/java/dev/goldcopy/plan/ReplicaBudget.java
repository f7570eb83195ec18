package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.mul;
import static dev.goldcopy.plan.PlanMath.sat;
import static dev.goldcopy.plan.PlanMath.slots;

import org.jspecify.annotations.Nullable;

/**
 * Bounds a group's new replicas by the policy's master cap, then the new replicas and clones
 * together by the free capacity and the array's totals (virtual copies, and containers of every
 * kind, each less what the rest of the array holds), choosing the fewest replicas that place the
 * most clones, so no replica is made that the totals leave empty; names the limit that binds, how,
 * and who holds the rest.
 */
final class ReplicaBudget {
  private ReplicaBudget() {}

  /** Sets {@code g}'s new masters, clones to make, binding limit and bound note. */
  static void bound(PlanScope run, GroupScope g) {
    applyCap(run.policy.maxMastersPerGroup(), run.policy.capCountsOrigin(), g);
    Room room =
        new Room(
            run.capacity.available(),
            CopyCharges.replica(run.caps, g.target.image()),
            CopyCharges.clone(run.policy, run.caps),
            run.deletions.arrayTotal().remaining(),
            run.deletions.containerTotal().remaining());
    long placeable = placeable(g, g.newMasters);
    long affordable = room.clones(g.newMasters, placeable);
    if (affordable < placeable) {
      long bestM = fewestForMost(g, room);
      long bestC = room.clones(bestM, placeable(g, bestM));
      long wanted = g.newMasters;
      g.newMasters = bestM;
      affordable = Math.max(0, bestC);
      Shortfall.Limit binding = room.binding(bestM, affordable);
      if (g.bound == null) {
        g.bound = binding;
      }
      g.boundNote += " " + note(run, room, binding, bestM, wanted, affordable) + ".";
    }
    g.toMake = Math.min(placeable, affordable);
    keepToTheVmsToPlace(g);
  }

  /**
   * Makes no more new replicas than there are VMs to place, so a lowered limit or a headroom
   * copies no replica that no clone needs now.
   */
  private static void keepToTheVmsToPlace(GroupScope g) {
    if (g.newMasters <= g.need) {
      return;
    }
    long dropped = g.newMasters - g.need;
    g.newMasters = g.need;
    g.toMake = Math.min(g.toMake, placeable(g, g.newMasters));
    g.extraNote +=
        " " + dropped + " replica(s) of the target not made: no VM needs "
            + (g.need == 0 ? "one" : "more than " + g.need) + " now.";
  }

  /**
   * Makes only the {@code named} new replicas the naming strategy could name, and no more clones
   * than they and the existing masters take: the group's other VMs are short, with {@code why}.
   */
  static void stopAtUnnamed(GroupScope g, long named, @Nullable String why) {
    g.newMasters = named;
    long placeable = placeable(g, named);
    if (placeable < g.toMake) {
      g.toMake = placeable;
      g.bound = Shortfall.Limit.REPLICA_NAME;
    }
    g.boundNote += " No replica name can be made past the " + named + " new replica(s) named: "
        + why + ".";
  }

  private static String note(
      PlanScope run, Room room, Shortfall.Limit binding, long madeM, long wanted, long clones) {
    ArrayUsage usage = run.deletions.usage();
    return switch (binding) {
      case ARRAY_TOTAL ->
          "The array's virtual copy total (" + run.caps.maxVirtualCopiesTotal()
              + ") leaves room for " + room.virtualLeft + " more clone(s); "
              + usage.virtualHolders();
      case ARRAY_CONTAINERS ->
          "The array's container total (" + run.caps.maxContainersTotal() + ") leaves room for "
              + room.containersLeft + " more container(s), replicas and clones together, so "
              + madeM + " of " + wanted + " replica(s) and " + clones + " clone(s); "
              + usage.containerHolders();
      default ->
          "Free capacity (" + Units.bytes(room.budget) + ") pays for " + madeM + " of " + wanted
              + " replica(s) at " + Units.bytes(room.image) + " and " + clones + " clone(s) at "
              + Units.bytes(room.growth);
    };
  }

  /**
   * The fewest new replicas that place the most clones. When those clones use up the array's
   * virtual copy total (so no later group of the plan can place one, whatever capacity is left),
   * the fewest that also hold them within the soft ratio instead, or the most that place them if
   * none does: the total binding must not drop the ratio. Without a ratio both are the same.
   */
  private static long fewestForMost(GroupScope g, Room room) {
    long bestC = -1;
    long first = 0;
    long most = 0;
    long fewest = -1;
    for (long m = 0; m <= g.newMasters; m++) {
      long c = room.clones(m, placeable(g, m));
      if (c > bestC) {
        bestC = c;
        first = m;
        fewest = -1;
      }
      if (c == bestC) {
        most = m;
        if (fewest < 0 && sat(g.availSoft + slots(m, g.target.perNewSoft())) >= c) {
          fewest = m;
        }
      }
    }
    if (bestC < room.virtualLeft()) {
      return first;
    }
    return fewest >= 0 ? fewest : most;
  }

  /**
   * Holds the new masters to the policy's cap ({@code 0} for none), counting the group's origin
   * against it or not.
   */
  private static void applyCap(int cap, boolean countsOrigin, GroupScope g) {
    if (cap <= 0) {
      return;
    }
    long counted = g.existing;
    if (!countsOrigin) {
      for (var m : g.live) {
        if (m.isOrigin()) {
          counted--;
        }
      }
    }
    long allowed = Math.max(0, cap - counted);
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

  /**
   * Says how the policy's master cap counts, for the group's sizing note; empty without a cap.
   */
  static String capNote(PlanningPolicy policy) {
    int cap = policy.maxMastersPerGroup();
    if (cap <= 0) {
      return "";
    }
    return policy.capCountsOrigin()
        ? " Master cap " + cap + ", the origin counted."
        : " Master cap " + cap + " replicas, the origin not counted.";
  }

  /** The VMs the group places with {@code masters} new masters, by the hard caps. */
  static long placeable(GroupScope g, long masters) {
    return Math.min(g.need, sat(g.availHard + slots(masters, g.target.perNewHard())));
  }

  /**
   * The room the plan has left for one group's creates.
   *
   * @param budget the free capacity, in bytes
   * @param image what one new replica costs
   * @param growth what one new clone costs
   * @param virtualLeft the virtual copies the array total still allows
   * @param containersLeft the containers the array total still allows
   */
  record Room(long budget, long image, long growth, long virtualLeft, long containersLeft) {

    /**
     * The clones that fit once {@code masters} replicas are made, at most {@code placeable}; -1 if
     * the replicas alone do not fit.
     */
    long clones(long masters, long placeable) {
      long c = affordable(budget, masters, placeable, image, growth, virtualLeft);
      if (c < 0 || masters > containersLeft) {
        return -1;
      }
      return Math.min(c, containersLeft - masters);
    }

    /**
     * The limit that holds the group to {@code clones} clones with {@code masters} new replicas:
     * the one that allows no more at that count (the array's virtual copy total first, then its
     * container total, then the capacity); if none does, the per-source limit of too few masters
     * binds, and the limit that refuses one more replica is named.
     */
    Shortfall.Limit binding(long masters, long clones) {
      if (virtualLeft == clones) {
        return Shortfall.Limit.ARRAY_TOTAL;
      }
      if (containersLeft - masters == clones) {
        return Shortfall.Limit.ARRAY_CONTAINERS;
      }
      if (capacityClones(masters) == clones) {
        return Shortfall.Limit.CAPACITY;
      }
      return containersLeft <= masters + clones && capacityClones(masters + 1) >= 0
          ? Shortfall.Limit.ARRAY_CONTAINERS
          : Shortfall.Limit.CAPACITY;
    }

    private long capacityClones(long masters) {
      long replicaCost = mul(masters, image);
      if (replicaCost > budget) {
        return -1;
      }
      return growth > 0 ? (budget - replicaCost) / growth : Long.MAX_VALUE;
    }
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
