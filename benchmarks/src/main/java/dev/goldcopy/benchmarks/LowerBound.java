package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A lower bound on the makespan of provisioning {@code N} virtual machines from one origin, from
 * the array model alone: no strategy, however clever, can finish sooner on that array.
 *
 * <p>Let {@code L} be the per-source limit, {@code S} the image size, and from the {@link
 * ArrayTimeModel}: {@code B} the aggregate copy bandwidth, {@code P} the copy concurrency, {@code
 * d1} one copy's shortest duration (overhead plus {@code S} at the per-stream rate), {@code t} one
 * clone's duration and {@code C} the clone concurrency. At least {@code R = max(1, ceil(N / L)) -
 * 1} replicas must be made (the origin serves at most {@code L} clones; a strategy that reserves
 * the origin makes more, never fewer). The bound is the largest of three terms:
 *
 * <ol>
 *   <li><b>Copy bandwidth</b> (the first term): {@code R * S / B}. The {@code R} replicas'
 *       bytes all pass through the array's copy engine, which moves at most {@code B} bytes a
 *       second in all.
 *   <li><b>Clone concurrency</b> (the second term): {@code N * t / C}. Every VM needs one
 *       clone of at least {@code t}, and at most {@code C} run at once.
 *   <li><b>Critical path</b>, when {@code R >= 1}: the larger of
 *       <ul>
 *         <li>{@code d1 + ceil((N - L) / C) * t}: at least {@code N - L} clones must go on
 *             replicas; none can start before the first replica exists, which takes at least
 *             {@code d1}; then at most {@code C} run at once, so some run of clones back to back
 *             holds {@code ceil((N - L) / C)} of them;
 *         <li>{@code max(d1, R * S / B, ceil(R / P) * d1) + t}: at least {@code R} replicas
 *             carry clones (with fewer, the masters could not hold {@code N} clones), so the last
 *             of them to finish is followed by one clone; it finishes no sooner than one copy
 *             ({@code d1}), than all their bytes at {@code B}, or than {@code ceil(R / P)} copies
 *             back to back on {@code P} copy slots.
 *       </ul>
 * </ol>
 *
 * <p>Each term assumes only what the array enforces (bandwidth, concurrency, the limit, a clone
 * needs a ready master), never a particular schedule, so the maximum is a valid bound. The first
 * two terms alone are the two-term bound, {@link #twoTermBound()}.
 *
 * @param vms the number of VMs, {@code N}
 * @param perSourceLimit clones per master, {@code L}; 0 for no limit
 * @param imageBytes the image size, {@code S}
 * @param replicas the fewest replicas any strategy must make, {@code R}
 * @param copyTerm the copy-bandwidth term
 * @param cloneTerm the clone-concurrency term
 * @param criticalPathTerm the critical-path term; zero when no replica is needed
 */
public record LowerBound(
    int vms,
    int perSourceLimit,
    long imageBytes,
    int replicas,
    Duration copyTerm,
    Duration cloneTerm,
    Duration criticalPathTerm) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a term is null
   * @throws IllegalArgumentException naming the field if a count, size or term is negative
   */
  public LowerBound {
    nonNegative("vms", vms);
    nonNegative("perSourceLimit", perSourceLimit);
    nonNegative("imageBytes", imageBytes);
    nonNegative("replicas", replicas);
    nonNegative("copyTerm", requireNonNull(copyTerm, "copyTerm"));
    nonNegative("cloneTerm", requireNonNull(cloneTerm, "cloneTerm"));
    nonNegative("criticalPathTerm", requireNonNull(criticalPathTerm, "criticalPathTerm"));
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  private static void nonNegative(String field, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Computes the bound for {@code vms} VMs of an image of {@code imageBytes} on an array with
   * {@code perSourceLimit} clones per master and the time model {@code model}.
   *
   * @param model the array's best-case times and concurrency
   * @param vms how many VMs; zero or more
   * @param perSourceLimit clones per master; 0 for no limit
   * @param imageBytes the image size; zero or more
   * @return the bound with its terms
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException naming the argument if a number is negative
   */
  public static LowerBound of(ArrayTimeModel model, int vms, int perSourceLimit, long imageBytes) {
    requireNonNull(model, "model");
    nonNegative("vms", vms);
    nonNegative("perSourceLimit", perSourceLimit);
    nonNegative("imageBytes", imageBytes);
    int masters = perSourceLimit == 0 ? 1 : (int) Math.max(1, ceilDiv(vms, perSourceLimit));
    int replicas = masters - 1;
    Duration clone = model.cloneDuration();
    Duration copyTerm =
        ArrayTimeModel.transferTime(
            (long) replicas * imageBytes, model.aggregateCopyBytesPerSecond());
    Duration cloneTerm = clone.multipliedBy(vms).dividedBy(model.cloneConcurrency());
    Duration criticalPath = Duration.ZERO;
    if (replicas >= 1) {
      Duration d1 = model.singleCopyDuration(imageBytes);
      long onReplicas = (long) vms - perSourceLimit;
      Duration firstReplicaThenClones =
          d1.plus(clone.multipliedBy(ceilDiv(onReplicas, model.cloneConcurrency())));
      Duration lastReplica =
          max(max(d1, copyTerm), d1.multipliedBy(ceilDiv(replicas, model.copyConcurrency())));
      criticalPath = max(firstReplicaThenClones, lastReplica.plus(clone));
    }
    return new LowerBound(
        vms, perSourceLimit, imageBytes, replicas, copyTerm, cloneTerm, criticalPath);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Returns the bound: the largest of the three terms.
   *
   * @return the shortest possible makespan
   */
  public Duration value() {
    return max(twoTermBound(), criticalPathTerm);
  }

  /**
   * Returns the two-term bound alone: the larger of the copy-bandwidth and clone-concurrency
   * terms, without the critical path.
   *
   * @return the weaker bound
   */
  public Duration twoTermBound() {
    return max(copyTerm, cloneTerm);
  }

  /**
   * Names the term that sets the bound.
   *
   * @return {@code "copy bandwidth"}, {@code "clone concurrency"} or {@code "critical path"}
   */
  public String dominantTerm() {
    Duration value = value();
    if (criticalPathTerm.equals(value) && criticalPathTerm.compareTo(twoTermBound()) > 0) {
      return "critical path";
    }
    return copyTerm.compareTo(cloneTerm) >= 0 ? "copy bandwidth" : "clone concurrency";
  }
}
