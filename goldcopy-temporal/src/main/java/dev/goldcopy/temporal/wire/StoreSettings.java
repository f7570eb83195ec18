package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a store workflow calls the array: where its activities run, their timeouts, how long a copy activity waits before it hands back, and the caller's caps.
 * Build one with {@link dev.goldcopy.temporal.StoreOptions}.
 *
 * @param activityTaskQueue the task queue of the array activities; null for the workflow's own
 * @param observeTimeout start-to-close timeout of one observation (capabilities and inventory)
 * @param cloneTimeout start-to-close timeout of one virtual copy creation
 * @param deleteTimeout start-to-close timeout of one deletion
 * @param copyHold how long one copy activity waits for the array before it reports the copy still
 *     in progress and the workflow polls again
 * @param copyPollInterval the workflow's wait between two polls of a copy in progress (a durable
 *     timer: time-skipped in tests, free of worker slots in production)
 * @param heartbeatTimeout the heartbeat timeout of the copy activity; it heartbeats well within it
 * @param maxConcurrentPhysicalCopies the most copies this store's workflow runs at once, below the
 *     array's declared concurrency; 0 for no cap of the caller's own
 * @param maxConcurrentVirtualCopies the most clone creations and deletions at once; 0 for no cap
 * @param continueAsNewAfterEvents history length after which the workflow continues as new at the
 *     next round boundary (Temporal also suggests it on its own)
 * @param noProgressRounds rounds in a row with nothing done before the workflow gives up
 */
public record StoreSettings(
    @Nullable String activityTaskQueue,
    Duration observeTimeout,
    Duration cloneTimeout,
    Duration deleteTimeout,
    Duration copyHold,
    Duration copyPollInterval,
    Duration heartbeatTimeout,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    int continueAsNewAfterEvents,
    int noProgressRounds) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException naming the field if a duration is not positive or a count is
   *     negative
   */
  public StoreSettings {
    positive("observeTimeout", observeTimeout);
    positive("cloneTimeout", cloneTimeout);
    positive("deleteTimeout", deleteTimeout);
    positive("copyHold", copyHold);
    positive("copyPollInterval", copyPollInterval);
    positive("heartbeatTimeout", heartbeatTimeout);
    if (maxConcurrentPhysicalCopies < 0 || maxConcurrentVirtualCopies < 0) {
      throw new IllegalArgumentException("concurrency caps must not be negative");
    }
    if (continueAsNewAfterEvents < 100) {
      throw new IllegalArgumentException(
          "continueAsNewAfterEvents must be at least 100: " + continueAsNewAfterEvents);
    }
    if (noProgressRounds < 1) {
      throw new IllegalArgumentException("noProgressRounds must be at least 1: " + noProgressRounds);
    }
  }

  private static void positive(String field, Duration d) {
    requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive: " + d);
    }
  }
}
