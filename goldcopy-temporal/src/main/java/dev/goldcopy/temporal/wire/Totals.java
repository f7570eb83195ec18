package dev.goldcopy.temporal.wire;

/**
 * What a store workflow did, in numbers, over all its runs.
 *
 * @param replicasMade physical copies made
 * @param clonesMade virtual copies made
 * @param deletions containers deleted by plan steps
 * @param cleanupDeletions half-made containers deleted after a cancel
 * @param retries array calls Temporal retried (attempts beyond the first of calls that finished)
 * @param failedSteps steps that failed for good in a round
 * @param rounds observe-plan-execute rounds
 * @param copyPolls times a copy activity handed back a copy still in progress
 * @param limitRefusals array calls refused with a declared limit reached (none unless something
 *     outside the workflow changed the store)
 */
public record Totals(
    int replicasMade,
    int clonesMade,
    int deletions,
    int cleanupDeletions,
    int retries,
    int failedSteps,
    int rounds,
    int copyPolls,
    int limitRefusals) {

  /** Nothing done. */
  public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
