package dev.goldcopy.temporal;

import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.LimitReachedException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * What a step's failure, as the workflow receives it from Temporal, means for the round: whether
 * the store's picture changed (plan again), whether the failure may pass in a later round, or
 * whether the workflow is being cancelled.
 *
 * @param why the failure in words
 * @param repeatable whether a later round may succeed
 * @param pictureChanged whether the store is not as the plan thought (a conflict, a missing
 *     source, a limit, a failed or aborted copy): plan again, or in apply mode check for drift
 * @param canceled whether the activity was cancelled with the workflow
 * @param limit whether the array refused with a declared limit reached
 */
record FailureKind(
    String why, boolean repeatable, boolean pictureChanged, boolean canceled, boolean limit) {

  /** Whether the failure is a copy aborted by the deletion of its target. */
  static boolean abortedCopy(Throwable error) {
    Throwable cause = error instanceof ActivityFailure && error.getCause() != null
        ? error.getCause() : error;
    return cause instanceof ApplicationFailure app
        && CopyAbortedException.class.getName().equals(app.getType());
  }

  static FailureKind of(Throwable error) {
    Throwable cause = error instanceof ActivityFailure && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof CanceledFailure) {
      return new FailureKind("cancelled", true, false, true, false);
    }
    if (cause instanceof TimeoutFailure timeout) {
      return new FailureKind("timed out (" + timeout.getTimeoutType() + ") after its retries",
          true, false, false, false);
    }
    if (cause instanceof ApplicationFailure app) {
      String type = app.getType();
      String why = app.getOriginalMessage();
      boolean limit = LimitReachedException.class.getName().equals(type);
      boolean picture = limit
          || ConflictException.class.getName().equals(type)
          || ContainerNotFoundException.class.getName().equals(type)
          || CopyFailedException.class.getName().equals(type)
          || CopyAbortedException.class.getName().equals(type);
      // A retryable error that outlived its attempts may pass in a later round.
      boolean repeatable = picture || !app.isNonRetryable();
      return new FailureKind(why, repeatable, picture, false, limit);
    }
    String message = cause.getMessage();
    return new FailureKind(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message),
        true, false, false, false);
  }
}
