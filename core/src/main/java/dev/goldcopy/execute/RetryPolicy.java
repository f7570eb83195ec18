package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How the executor retries a call that failed with a retryable error ({@link
 * dev.goldcopy.spi.BusyException}, {@link dev.goldcopy.spi.TransientArrayException}) and how often
 * it remakes a physical copy that failed ({@link dev.goldcopy.spi.CopyFailedException}).
 *
 * <p>The wait before attempt {@code n + 1} is {@code initialBackoff * multiplier^(n - 1)}, capped
 * at {@code maxBackoff}, then spread by up to {@code jitter} either way with a random generator
 * seeded from {@code seed}, so a run is repeatable. When the array says how long to wait ({@link
 * dev.goldcopy.spi.BusyException#retryAfter()}), the run waits at least that long.
 *
 * @param maxAttempts the most attempts per call, the first included; 1 means no retry
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait computed from the back-off
 * @param multiplier how much the wait grows per attempt; at least 1
 * @param jitter the fraction of the wait added or taken at random, from 0 to 1
 * @param seed the seed of the jitter's random generator
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    double jitter,
    long seed) {

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative: " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff + ") must be at least initialBackoff (" + initialBackoff + ")");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
    }
  }

  /**
   * Returns the default policy: 8 attempts, 1 s doubling to at most 1 min, 20 % jitter, seed 0.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /**
   * Returns a policy that never retries.
   *
   * @return a policy of one attempt
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the wait before the attempt that follows {@code failedAttempt}.
   *
   * @param failedAttempt the attempt that just failed, from 1
   * @param retryAfter the wait the array asked for, if any
   * @param random the jitter's random generator
   * @return the wait; never below {@code retryAfter}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code failedAttempt} is not positive
   */
  public Duration backoff(int failedAttempt, Optional<Duration> retryAfter, RandomGenerator random) {
    requireNonNull(retryAfter, "retryAfter");
    requireNonNull(random, "random");
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("failedAttempt must be positive: " + failedAttempt);
    }
    double base = initialBackoff.toNanos() * Math.pow(multiplier, failedAttempt - 1);
    double capped = Math.min(base, (double) maxBackoff.toNanos());
    double spread = jitter == 0.0 ? 1.0 : 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
    Duration wait = Duration.ofNanos((long) Math.max(0.0, capped * spread));
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      return retryAfter.get();
    }
    return wait;
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxAttempts = 8;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(1);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private long seed;

    private Builder() {}

    /**
     * Sets the most attempts per call, the first included.
     *
     * @param value at least 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    /**
     * Sets the wait before the second attempt.
     *
     * @param value zero or more
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = requireNonNull(value, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest computed wait.
     *
     * @param value at least the initial back-off
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = requireNonNull(value, "maxBackoff");
      return this;
    }

    /**
     * Sets how much the wait grows per attempt.
     *
     * @param value at least 1 (1 means a constant wait)
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder multiplier(double value) {
      this.multiplier = value;
      return this;
    }

    /**
     * Sets the fraction of each wait added or taken at random.
     *
     * @param value from 0 (none) to 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder jitter(double value) {
      this.jitter = value;
      return this;
    }

    /**
     * Sets the jitter's seed.
     *
     * @param value any value
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public RetryPolicy build() {
      return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, seed);
    }
  }
}
