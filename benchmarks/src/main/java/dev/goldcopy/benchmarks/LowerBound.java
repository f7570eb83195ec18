package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A lower bound on the makespan of provisioning {@code N} virtual machines from one origin, from
 * the array model alone: no strategy, however clever, can finish sooner on that array.
 *
 * <p>Let {@code L} be the per-source limit, {@code S} the image size, and from the {@link
 * ArrayTimeModel}: {@code B} the aggregate copy bandwidth, {@code P} the copy concurrency, {@code
 * d1} one copy's shortest duration (overhead plus {@code S} at the per-stream rate, or at the
 * source's read rate if that is lower), {@code t} one
 * clone's duration and {@code C} the clone concurrency. At least {@code R = max(1, ceil(N / L)) -
 * 1} replicas must be made (the origin serves at most {@code L} clones; a strategy that reserves
 * the origin makes more, never fewer). The bound is the largest of four terms:
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
 *   <li><b>Fan-out</b>, when the array limits how fast one source is read ({@code Rs} bytes a
 *       second shared by the copies reading it): the masters can only multiply so fast. A copy
 *       reads a ready master, so with {@code m(t)} masters ready the copies move at most {@code
 *       f(m) = min(B', Rs * m)} bytes a second in all, where {@code B' = min(B, P * min(r, Rs))}
 *       ({@code r} the per-stream rate); and no replica is ready before {@code d1}. So {@code
 *       (m(t) - 1) * S <= d1 * f(1) + integral from d1 to t of f(m)}, and {@code m} stays below
 *       the solution {@code u} of the same equation: {@code u(d1) = 1 + d1 * f(1) / S}, then
 *       {@code u} grows by the factor {@code e} every {@code S / Rs} while {@code Rs * u < B'}
 *       (each master feeds its own copies) and by {@code B' / S} a second after (the bandwidth
 *       is full). The last of the {@code R + 1} masters that must carry clones is ready no sooner
 *       than {@code u} reaches {@code R + 1}, and one clone follows it. Copying every replica
 *       from the origin moves at most {@code Rs} in all; a fan-out tree reads many sources and
 *       can come close to this term.
 * </ol>
 *
 * <p>Each term assumes only what the array enforces (bandwidth, read limits, concurrency, the
 * limit, a clone needs a ready master), never a particular schedule, so the maximum is a valid
 * bound. The first two terms alone are the two-term bound, {@link #twoTermBound()}.
 *
 * @param vms the number of VMs, {@code N}
 * @param perSourceLimit clones per master, {@code L}; 0 for no limit
 * @param imageBytes the image size, {@code S}
 * @param replicas the fewest replicas any strategy must make, {@code R}
 * @param copyTerm the copy-bandwidth term
 * @param cloneTerm the clone-concurrency term
 * @param criticalPathTerm the critical-path term; zero when no replica is needed
 * @param fanOutTerm the fan-out term; zero when no replica is needed or the array has no
 *     per-source read limit
 */
public record LowerBound(
    int vms,
    int perSourceLimit,
    long imageBytes,
    int replicas,
    Duration copyTerm,
    Duration cloneTerm,
    Duration criticalPathTerm,
    Duration fanOutTerm) {

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
    nonNegative("fanOutTerm", requireNonNull(fanOutTerm, "fanOutTerm"));
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
    Duration fanOut = fanOutTerm(model, masters, imageBytes);
    return new LowerBound(
        vms, perSourceLimit, imageBytes, replicas, copyTerm, cloneTerm, criticalPath, fanOut);
  }

  /** The fan-out term (see the class description); zero without a read limit or a replica. */
  private static Duration fanOutTerm(ArrayTimeModel model, int masters, long imageBytes) {
    double read = model.perSourceReadBytesPerSecond();
    if (masters <= 1 || read == 0 || imageBytes == 0) {
      return Duration.ZERO;
    }
    double size = imageBytes;
    double total = model.totalCopyBytesPerSecond();
    double d1 = model.singleCopyDuration(imageBytes).toNanos() / 1e9;
    double u = 1 + d1 * Math.min(total, read) / size;
    double t = d1;
    double knee = total / read;
    if (u < masters && u < knee) {
      double reached = Math.min(masters, knee);
      t += size / read * Math.log(reached / u);
      u = reached;
    }
    if (u < masters) {
      t += (masters - u) * size / total;
    }
    // a microsecond below, so rounding never lifts the term above what the equation gives
    long nanos = Math.max(0, (long) Math.floor(t * 1e9) - 1_000);
    return Duration.ofNanos(nanos).plus(model.cloneDuration());
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Returns the bound: the largest of the four terms.
   *
   * @return the shortest possible makespan
   */
  public Duration value() {
    return max(max(twoTermBound(), criticalPathTerm), fanOutTerm);
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
   * @return {@code "copy bandwidth"}, {@code "clone concurrency"}, {@code "critical path"} or
   *     {@code "fan-out"}
   */
  public String dominantTerm() {
    Duration value = value();
    Duration others = max(twoTermBound(), criticalPathTerm);
    if (fanOutTerm.equals(value) && fanOutTerm.compareTo(others) > 0) {
      return "fan-out";
    }
    if (criticalPathTerm.equals(value) && criticalPathTerm.compareTo(twoTermBound()) > 0) {
      return "critical path";
    }
    return copyTerm.compareTo(cloneTerm) >= 0 ? "copy bandwidth" : "clone concurrency";
  }
}
