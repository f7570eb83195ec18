package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import java.math.BigInteger;
import java.time.Duration;

/**
 * How long an array takes to copy and to clone, as a lower bound reads it: the few numbers of a
 * latency model and the array's declared concurrency. Every figure is the array's best case (a copy
 * alone on the array, a clone with no queue), so a bound computed from them holds for any strategy.
 *
 * @param aggregateCopyBytesPerSecond the rate all physical copies together move bytes at (the
 *     bandwidth concurrent copies share); positive
 * @param perStreamCopyBytesPerSecond the fastest one copy alone moves bytes at; positive, at most
 *     the aggregate rate
 * @param copyOverhead a physical copy's fixed time besides moving bytes (set-up, call latency);
 *     zero or more
 * @param copyConcurrency the most physical copies in progress at once; positive
 * @param cloneDuration the shortest time one virtual copy creation takes; zero or more
 * @param cloneConcurrency the most virtual copy creations in progress at once; positive
 * @param perSourceReadBytesPerSecond the rate all copies reading one source share together; 0
 *     when the array has no such limit
 */
public record ArrayTimeModel(
    long aggregateCopyBytesPerSecond,
    long perStreamCopyBytesPerSecond,
    Duration copyOverhead,
    int copyConcurrency,
    Duration cloneDuration,
    int cloneConcurrency,
    long perSourceReadBytesPerSecond) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException naming the field if a rate or concurrency is not positive, a
   *     duration is negative, or the per-stream rate exceeds the aggregate rate
   */
  public ArrayTimeModel {
    positive("aggregateCopyBytesPerSecond", aggregateCopyBytesPerSecond);
    positive("perStreamCopyBytesPerSecond", perStreamCopyBytesPerSecond);
    requireNonNull(copyOverhead, "copyOverhead");
    positive("copyConcurrency", copyConcurrency);
    requireNonNull(cloneDuration, "cloneDuration");
    positive("cloneConcurrency", cloneConcurrency);
    if (perStreamCopyBytesPerSecond > aggregateCopyBytesPerSecond) {
      throw new IllegalArgumentException(
          "perStreamCopyBytesPerSecond (" + perStreamCopyBytesPerSecond
              + ") must not exceed aggregateCopyBytesPerSecond (" + aggregateCopyBytesPerSecond
              + ")");
    }
    if (copyOverhead.isNegative()) {
      throw new IllegalArgumentException("copyOverhead must not be negative: " + copyOverhead);
    }
    if (cloneDuration.isNegative()) {
      throw new IllegalArgumentException("cloneDuration must not be negative: " + cloneDuration);
    }
    if (perSourceReadBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "perSourceReadBytesPerSecond must not be negative: " + perSourceReadBytesPerSecond);
    }
  }

  /**
   * Creates a model without a per-source read limit.
   *
   * @param aggregateCopyBytesPerSecond the rate all physical copies together move bytes at
   * @param perStreamCopyBytesPerSecond the fastest one copy alone moves bytes at
   * @param copyOverhead a physical copy's fixed time besides moving bytes
   * @param copyConcurrency the most physical copies in progress at once
   * @param cloneDuration the shortest time one virtual copy creation takes
   * @param cloneConcurrency the most virtual copy creations in progress at once
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ArrayTimeModel(
      long aggregateCopyBytesPerSecond,
      long perStreamCopyBytesPerSecond,
      Duration copyOverhead,
      int copyConcurrency,
      Duration cloneDuration,
      int cloneConcurrency) {
    this(
        aggregateCopyBytesPerSecond,
        perStreamCopyBytesPerSecond,
        copyOverhead,
        copyConcurrency,
        cloneDuration,
        cloneConcurrency,
        0);
  }

  private static void positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }

  /**
   * Reads the time model of a simulated vendor profile for one store: its latency model's rates
   * (the aggregate of one controller, the one that owns the store), its per-source read limit and
   * clone latency, and its declared concurrency (unlimited counts as {@link Integer#MAX_VALUE}). A
   * copy has no overhead besides its bytes on the simulator (its response latency applies only to
   * answers without work), so the overhead is zero.
   *
   * @param profile the profile
   * @return the model
   * @throws NullPointerException if {@code profile} is null
   */
  public static ArrayTimeModel of(VendorProfile profile) {
    requireNonNull(profile, "profile");
    LatencyModel latency = profile.latency();
    return new ArrayTimeModel(
        latency.aggregateBytesPerSecond(),
        Math.min(latency.perStreamBytesPerSecond(), latency.aggregateBytesPerSecond()),
        Duration.ZERO,
        orMax(profile.capabilities().maxConcurrentPhysicalCopies()),
        latency.cloneLatency(),
        orMax(profile.capabilities().maxConcurrentVirtualCopies()),
        latency.perSourceReadBytesPerSecond());
  }

  /**
   * Returns the fastest one copy can move bytes: its stream's rate, or the source's read rate if
   * that is lower.
   *
   * @return bytes per second
   */
  public long singleCopyBytesPerSecond() {
    return perSourceReadBytesPerSecond > 0
        ? Math.min(perStreamCopyBytesPerSecond, perSourceReadBytesPerSecond)
        : perStreamCopyBytesPerSecond;
  }

  /**
   * Returns the most bytes a second all copies together can move, whatever reads what: the
   * aggregate rate, or the copy concurrency times the fastest one copy if that is lower.
   *
   * @return bytes per second
   */
  public double totalCopyBytesPerSecond() {
    return Math.min(
        (double) aggregateCopyBytesPerSecond, (double) copyConcurrency * singleCopyBytesPerSecond());
  }

  private static int orMax(int maximum) {
    return ArrayCapabilities.isLimited(maximum) ? maximum : Integer.MAX_VALUE;
  }

  /**
   * Returns the shortest time one physical copy of {@code bytes} can take: its overhead plus its
   * bytes at {@link #singleCopyBytesPerSecond()}.
   *
   * @param bytes the image size
   * @return the duration
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public Duration singleCopyDuration(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    return copyOverhead.plus(transferTime(bytes, singleCopyBytesPerSecond()));
  }

  /**
   * Returns how long {@code bytes} take at {@code bytesPerSecond}, rounded down to the nanosecond
   * (so a bound built from it stays a bound).
   *
   * @param bytes bytes to move; zero or more
   * @param bytesPerSecond the rate; positive
   * @return the duration
   */
  static Duration transferTime(long bytes, long bytesPerSecond) {
    BigInteger nanos =
        BigInteger.valueOf(bytes)
            .multiply(BigInteger.valueOf(1_000_000_000L))
            .divide(BigInteger.valueOf(bytesPerSecond));
    return Duration.ofNanos(nanos.longValueExact());
  }
}
