package dev.goldcopy.temporal;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.temporal.wire.StoreSettings;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Goldcopy's {@link RetryPolicy} as Temporal's retry options, and the activity options of each
 * kind of array call.
 *
 * <table>
 *   <caption>The mapping</caption>
 *   <tr><th>Goldcopy</th><th>Temporal</th></tr>
 *   <tr><td>{@code maxAttempts}</td><td>{@code RetryOptions.maximumAttempts}</td></tr>
 *   <tr><td>{@code initialBackoff}</td><td>{@code initialInterval}</td></tr>
 *   <tr><td>{@code maxBackoff}</td><td>{@code maximumInterval}</td></tr>
 *   <tr><td>{@code multiplier}</td><td>{@code backoffCoefficient}</td></tr>
 *   <tr><td>{@code jitter}, {@code seed}, {@code BusyException.retryAfter()}</td>
 *       <td>the activity computes {@link RetryPolicy#backoff} and sets it as the failure's
 *       {@code nextRetryDelay}</td></tr>
 *   <tr><td>a non-retryable {@code ArrayException}</td><td>{@code doNotRetry} by type, and a
 *       non-retryable {@code ApplicationFailure}</td></tr>
 * </table>
 */
final class RetryMapping {
  private RetryMapping() {}

  static RetryOptions retryOptions(RetryPolicy retry) {
    Duration initial = retry.initialBackoff().isZero() ? Duration.ofMillis(1) : retry.initialBackoff();
    Duration max = retry.maxBackoff().compareTo(initial) < 0 ? initial : retry.maxBackoff();
    return RetryOptions.newBuilder()
        .setMaximumAttempts(retry.maxAttempts())
        .setInitialInterval(initial)
        .setMaximumInterval(max)
        .setBackoffCoefficient(retry.multiplier())
        .setDoNotRetry(ArrayFailures.NON_RETRYABLE_TYPES)
        .build();
  }

  static ActivityOptions observe(RetryPolicy retry, StoreSettings s) {
    return base(retry, s).setStartToCloseTimeout(s.observeTimeout()).build();
  }

  static ActivityOptions clone(RetryPolicy retry, StoreSettings s) {
    return base(retry, s).setStartToCloseTimeout(s.cloneTimeout()).build();
  }

  static ActivityOptions delete(RetryPolicy retry, StoreSettings s) {
    return base(retry, s).setStartToCloseTimeout(s.deleteTimeout()).build();
  }

  /** A copy activity holds for {@code copyHold}, heartbeating; its attempt may take a little more. */
  static ActivityOptions copy(RetryPolicy retry, StoreSettings s) {
    return base(retry, s)
        .setStartToCloseTimeout(s.copyHold().plus(s.heartbeatTimeout()).plus(s.cloneTimeout()))
        .setHeartbeatTimeout(s.heartbeatTimeout())
        .build();
  }

  static LocalActivityOptions plan() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        // The observation is in the history already, as the observe activity's result.
        .setDoNotIncludeArgumentsIntoMarker(true)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
        .build();
  }

  private static ActivityOptions.Builder base(RetryPolicy retry, StoreSettings s) {
    ActivityOptions.Builder b =
        ActivityOptions.newBuilder()
            .setRetryOptions(retryOptions(retry))
            // The workflow never cancels an activity (see StoreCalls); should anything else
            // cancel one, the workflow still waits for the call to end, so that its clean-up sees
            // a settled array and deletes only what it half-made.
            .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
    String queue = s.activityTaskQueue();
    if (queue != null) {
      b.setTaskQueue(queue);
    }
    return b;
  }
}
