package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What the roll plan assumes an operation takes, to say how long each batch should last. An
 * estimate, not a promise: the array's load decides.
 *
 * @param perClone one clone creation
 * @param perDeletion one deletion
 * @param streamBytesPerSecond the rate of one physical copy stream; the array's aggregate copy
 *     bandwidth, when it declares one, bounds the copies in flight together
 */
public record TimeModel(Duration perClone, Duration perDeletion, long streamBytesPerSecond) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a duration is negative or the rate is not positive
   */
  public TimeModel {
    requireNonNull(perClone, "perClone");
    requireNonNull(perDeletion, "perDeletion");
    if (perClone.isNegative() || perDeletion.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (streamBytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "streamBytesPerSecond must be positive: " + streamBytesPerSecond);
    }
  }

  /**
   * Returns the default estimates: 2 s a clone, 1 s a deletion, 512 MiB/s a copy stream.
   *
   * @return the defaults
   */
  public static TimeModel defaults() {
    return new TimeModel(Duration.ofSeconds(2), Duration.ofSeconds(1), 512L << 20);
  }
}
