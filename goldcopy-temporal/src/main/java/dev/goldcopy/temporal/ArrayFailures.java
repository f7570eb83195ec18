package dev.goldcopy.temporal;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what an adapter threw into the failure Temporal records: an {@link ApplicationFailure}
 * typed by the exception's class name, non-retryable unless the array said a retry can help, and
 * for a retryable one the delay Goldcopy's {@link RetryPolicy} gives (with its jitter and the
 * array's retry-after hint) as Temporal's next retry delay.
 */
final class ArrayFailures {

  /**
   * The SPI's errors that a retry of the same call never cures, as Temporal's do-not-retry list
   * (the activity also marks every non-retryable {@link ArrayException} so, for vendors' own
   * subclasses).
   */
  static final String[] NON_RETRYABLE_TYPES = {
    LimitReachedException.class.getName(),
    ConflictException.class.getName(),
    ContainerNotFoundException.class.getName(),
    AccessDeniedException.class.getName(),
    InsufficientCapacityException.class.getName(),
    CopyFailedException.class.getName(),
    CopyAbortedException.class.getName(),
    IllegalArgumentException.class.getName(),
    NullPointerException.class.getName()
  };

  private ArrayFailures() {}

  /**
   * Maps an adapter's error.
   *
   * @param error what the adapter's stage failed with, or what its call threw
   * @param retry the request's retry policy
   * @param attempt Temporal's attempt number, from 1
   * @param callKey a stable key of the call, to seed the jitter
   * @return the failure to throw from the activity
   */
  static ApplicationFailure toFailure(Throwable error, RetryPolicy retry, int attempt, String callKey) {
    Throwable e = unwrap(error);
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    ApplicationFailure.Builder b =
        ApplicationFailure.newBuilder().setType(e.getClass().getName()).setMessage(message);
    boolean retryable;
    if (e instanceof ArrayException a) {
      retryable = a.retryable();
      if (e instanceof CopyFailedException failed) {
        b.setDetails(failed.container().value());
      } else if (e instanceof LimitReachedException limit) {
        b.setDetails(limit.scope().name());
      }
    } else {
      // A bad argument is a bug of the caller; anything else (a broken connection, an adapter's
      // own bug) may pass, so Temporal retries it within the policy's attempts.
      retryable = !(e instanceof IllegalArgumentException || e instanceof NullPointerException);
    }
    b.setNonRetryable(!retryable);
    if (retryable) {
      Optional<Duration> hint =
          e instanceof BusyException busy ? busy.retryAfter() : Optional.empty();
      SplittableRandom random = new SplittableRandom(retry.seed() ^ callKey.hashCode() * 31L + attempt);
      b.setNextRetryDelay(retry.backoff(attempt, hint, random));
    }
    return b.build();
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
