package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;

/**
 * What the planner charges the free capacity for a new copy, and credits for a deletion, from the
 * copy costs the array declares ({@link ArrayCapabilities#copyCosts()}) and the policy's expected
 * clone growth: the same bytes the array reserves, so a plan's capacity preview matches the run.
 */
final class CopyCharges {
  private CopyCharges() {}

  /** A new replica of an image of {@code imageBytes}: what the array declares a physical copy costs. */
  static long replica(ArrayCapabilities caps, long imageBytes) {
    return caps.copyCosts().physicalCopyBytes(imageBytes);
  }

  /** A new clone: what the array declares, plus the growth the policy expects. */
  static long clone(PlanningPolicy policy, ArrayCapabilities caps) {
    long sum = caps.copyCosts().virtualCopyBytes() + policy.expectedCloneGrowthBytes();
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
