package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;

/**
 * What the planner charges the free capacity for a new copy, and credits for a deletion, from the
 * copy costs the array declares ({@link ArrayCapabilities#copyCosts()}) and the policy's expected
 * clone growth. A new clone is charged the growth it is expected to make; a deleted clone is
 * credited only what the array declares a clone reserves, since the growth a clone made already
 * shows in the free capacity the array reports, and crediting expected growth that never happened
 * would let a plan copy a replica the store has no room for.
 */
final class CopyCharges {
  private CopyCharges() {}

  /** A new replica of an image of {@code imageBytes}: what the array declares a physical copy costs. */
  static long replica(ArrayCapabilities caps, long imageBytes) {
    return caps.copyCosts().physicalCopyBytes(imageBytes);
  }

  /** A clone deleted: what the array declares a clone reserves, and nothing for growth. */
  static long cloneFreed(ArrayCapabilities caps) {
    return caps.copyCosts().virtualCopyBytes();
  }

  /** A new clone: what the array declares, plus the growth the policy expects. */
  static long clone(PlanningPolicy policy, ArrayCapabilities caps) {
    long sum = caps.copyCosts().virtualCopyBytes() + policy.expectedCloneGrowthBytes();
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
