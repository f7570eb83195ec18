package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a run did, in numbers.
 *
 * @param replicasMade physical copies this run made
 * @param clonesMade virtual copies this run made
 * @param deletions containers this run deleted (planned deletions, failed copies, clean-up)
 * @param retries calls repeated after a retryable error or a failed copy
 * @param faultsSeen array calls that failed, whatever happened next
 * @param rounds observe-and-plan rounds
 * @param elapsed time from start to finish on the executor's clock (virtual time on the simulator)
 */
public record ExecutionTotals(
    int replicasMade,
    int clonesMade,
    int deletions,
    int retries,
    int faultsSeen,
    int rounds,
    Duration elapsed) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if {@code elapsed} is null
   * @throws IllegalArgumentException naming the field if a count or the elapsed time is negative
   */
  public ExecutionTotals {
    nonNegative("replicasMade", replicasMade);
    nonNegative("clonesMade", clonesMade);
    nonNegative("deletions", deletions);
    nonNegative("retries", retries);
    nonNegative("faultsSeen", faultsSeen);
    nonNegative("rounds", rounds);
    requireNonNull(elapsed, "elapsed");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
    }
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }
}
