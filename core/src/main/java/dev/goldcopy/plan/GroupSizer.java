package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.ceilDiv;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import java.util.List;

/**
 * Sizes one replica group as the planner's javadoc gives it: L is the policy's clone ratio or the
 * array's per-source limit, whichever is lower; N grows by the policy's headroom; the count need
 * is {@code max(1, ceil(N / L))}, or {@code 1 + ceil(N / L)} when the origin is reserved; the
 * throughput need is {@code ceil(concurrent creations / K)} (plus the reserved origin); the target
 * is the larger need. Also writes the sizing note of {@link GroupSizing#note()}.
 */
final class GroupSizer {

  /**
   * What one group needs.
   *
   * @param n the image version's demanded VMs
   * @param toCome the demanded VMs that need a new clone
   * @param hard the array's per-source limit, 0 for none
   * @param soft L: the per-master clone count used for sizing, 0 for none
   * @param reserved whether the origin is kept as a pristine source
   * @param image the bytes a new replica copies: the group's largest master
   * @param sizedN N with the growth headroom
   * @param countNeed the masters that hold {@code sizedN} clones
   * @param k the throughput rule's creations per master, 0 for none
   * @param concurrent the creations that run at once
   * @param throughputNeed the masters the concurrent creations need; 0 without a rule
   */
  record GroupTarget(
      int n,
      int toCome,
      int hard,
      int soft,
      boolean reserved,
      long image,
      long sizedN,
      long countNeed,
      int k,
      long concurrent,
      long throughputNeed) {

    /** The masters the group should have: the larger need. */
    long target() {
      return Math.max(countNeed, throughputNeed);
    }

    /** The clones a new replica takes before the others take theirs. */
    long perNewSoft() {
      return soft == 0 ? PlanMath.UNBOUNDED : soft;
    }

    /** The clones a new replica may take at most. */
    long perNewHard() {
      return hard == 0 ? PlanMath.UNBOUNDED : hard;
    }
  }

  private GroupSizer() {}

  /**
   * Sizes the group of {@code live} masters for {@code n} VMs, {@code toCome} of them new.
   *
   * @param live the group's ready and copying masters
   */
  static GroupTarget size(
      PlanningPolicy policy, ArrayCapabilities caps, List<Container> live, int n, int toCome) {
    int hard = caps.maxVirtualCopiesPerSource();
    int ratio = policy.cloneRatio();
    int soft = ratio > 0 ? (hard > 0 ? Math.min(hard, ratio) : ratio) : hard;
    boolean hasOrigin = false;
    long image = 0;
    for (Container m : live) {
      hasOrigin |= m.isOrigin();
      image = Math.max(image, m.sizeBytes());
    }
    boolean reserved = !policy.originServesClones() && hasOrigin;
    long sizedN = n + ceilDiv((long) n * policy.growthHeadroomPercent(), 100);
    long serving = soft == 0 ? (sizedN > 0 ? 1 : 0) : ceilDiv(sizedN, soft);
    long countNeed = reserved ? 1 + serving : Math.max(1, serving);
    long concurrent = toCome;
    if (caps.maxConcurrentVirtualCopies() > 0) {
      concurrent = Math.min(concurrent, caps.maxConcurrentVirtualCopies());
    }
    int k = policy.maxConcurrentCreationsPerSource();
    long throughputNeed =
        k > 0 && concurrent > 0 ? ceilDiv(concurrent, k) + (reserved ? 1 : 0) : 0;
    return new GroupTarget(n, toCome, hard, soft, reserved, image, sizedN, countNeed, k,
        concurrent, throughputNeed);
  }

  /**
   * The account of how {@code t} gave the group's masters: N, L, the needs, and the masters that
   * exist, are made and are retired.
   */
  static String note(
      GroupTarget t, int headroomPercent, int existing, long newMasters, int retired) {
    StringBuilder b = new StringBuilder();
    b.append("N = ").append(t.n()).append(" VM(s) (").append(t.n() - t.toCome())
        .append(" provisioned, ").append(t.toCome()).append(" to come)");
    if (t.sizedN() != t.n()) {
      b.append(", sized for ").append(t.sizedN()).append(" with ").append(headroomPercent)
          .append("% headroom");
    }
    int soft = t.soft();
    int hard = t.hard();
    if (soft == 0) {
      b.append("; no per-source limit, so one master serves them all");
    } else {
      b.append("; L = ").append(soft)
          .append(soft != hard ? " (policy clone ratio; array limit "
              + (hard == 0 ? "none" : Integer.toString(hard)) + ")" : " (array per-source limit)");
      b.append("; count need ").append(t.reserved() ? "1 + " : "max(1, ").append("ceil(")
          .append(t.sizedN()).append(" / ").append(soft).append(")")
          .append(t.reserved() ? "" : ")").append(" = ").append(t.countNeed());
      if (t.reserved()) {
        b.append(" (the origin is reserved as a pristine source)");
      }
    }
    if (t.k() > 0) {
      b.append("; throughput need ceil(").append(t.concurrent()).append(" concurrent / ")
          .append(t.k()).append(")").append(t.reserved() && t.throughputNeed() > 0 ? " + 1" : "")
          .append(" = ").append(t.throughputNeed());
    }
    b.append(". Masters: ").append(existing).append(" exist");
    if (newMasters > 0) {
      b.append(", ").append(newMasters).append(" new replica(s)");
    }
    if (retired > 0) {
      b.append(", ").append(retired).append(" retired");
    }
    b.append(" -> ").append(existing - retired + newMasters).append('.');
    if (t.throughputNeed() > t.countNeed()) {
      b.append(" Throughput bound.");
    }
    return b.toString();
  }
}
