package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;

/**
 * The planner's sizing rule as a function, for callers that plan above one store (a rolling
 * update, a fleet across stores) and must agree with what the store planner will do: the same L,
 * headroom, reserved origin, throughput rule and master cap. Pure and thread-safe.
 */
public final class SizingRule {
  private SizingRule() {}

  /**
   * Returns L: the clones one master takes under the policy's ratio and the array's per-source
   * limit, whichever is lower.
   *
   * @param policy the policy
   * @param capabilities the store's capabilities
   * @return clones per master, or 0 when neither limits
   */
  public static int clonesPerMaster(PlanningPolicy policy, ArrayCapabilities capabilities) {
    requireNonNull(policy, "policy");
    int hard = capabilities.maxVirtualCopiesPerSource();
    int ratio = policy.cloneRatio();
    return ratio > 0 ? (hard > 0 ? Math.min(hard, ratio) : ratio) : hard;
  }

  /**
   * Returns the masters a group needs for {@code vms} VMs, {@code toCome} of them new, before the
   * master cap, capacity and array totals bound it: the larger of the count and throughput needs,
   * as {@link ContainerReplicationPlanner} sizes it.
   *
   * @param policy the policy
   * @param capabilities the store's capabilities
   * @param hasOrigin whether the group holds its origin (a reserved origin then adds one)
   * @param vms N: the group's demanded VMs
   * @param toCome the demanded VMs that need a new clone
   * @return the masters the group should have, the origin included
   * @throws IllegalArgumentException if a count is negative or {@code toCome > vms}
   */
  public static long masters(
      PlanningPolicy policy, ArrayCapabilities capabilities, boolean hasOrigin, int vms,
      int toCome) {
    requireNonNull(policy, "policy");
    requireNonNull(capabilities, "capabilities");
    if (vms < 0 || toCome < 0 || toCome > vms) {
      throw new IllegalArgumentException("vms " + vms + " and toCome " + toCome + " out of range");
    }
    return GroupSizer.size(policy, capabilities, hasOrigin, 0, vms, toCome).target();
  }

  /**
   * Returns the most masters the policy's cap allows a group, the origin included.
   *
   * @param policy the policy
   * @param hasOrigin whether the group holds its origin
   * @return the cap counted with the origin, or {@link Long#MAX_VALUE} without a cap
   */
  public static long masterCap(PlanningPolicy policy, boolean hasOrigin) {
    int cap = policy.maxMastersPerGroup();
    if (cap <= 0) {
      return Long.MAX_VALUE;
    }
    return policy.capCountsOrigin() || !hasOrigin ? cap : cap + 1L;
  }
}
