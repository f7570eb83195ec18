package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

/**
 * A run's progress at one moment, readable at any time from {@link ExecutionHandle#progress()}.
 *
 * @param replicas physical copies done and planned
 * @param clones virtual copies done and planned
 * @param deletions deletions done and planned
 * @param retries calls retried so far
 * @param inFlight array calls in progress now
 * @param rounds observe-and-plan rounds started so far
 */
public record ProgressSnapshot(
    StepProgress replicas,
    StepProgress clones,
    StepProgress deletions,
    int retries,
    int inFlight,
    int rounds) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a progress is null
   * @throws IllegalArgumentException naming the field if a count is negative
   */
  public ProgressSnapshot {
    requireNonNull(replicas, "replicas");
    requireNonNull(clones, "clones");
    requireNonNull(deletions, "deletions");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
    if (inFlight < 0) {
      throw new IllegalArgumentException("inFlight must not be negative: " + inFlight);
    }
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must not be negative: " + rounds);
    }
  }

  /**
   * Returns whether every step planned so far is done.
   *
   * @return true when done equals total for every kind
   */
  public boolean isComplete() {
    return replicas.done() == replicas.total()
        && clones.done() == clones.total()
        && deletions.done() == deletions.total();
  }
}
