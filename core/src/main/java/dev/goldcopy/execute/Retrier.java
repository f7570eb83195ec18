package dev.goldcopy.execute;

import dev.goldcopy.spi.BusyException;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Every retry of a run, in one place: whether a failed call is tried again, after how long, and how
 * many retries there were. A call is tried again when its error is retryable ({@link
 * FailureClassifier#retryable}) and the {@link RetryPolicy}'s attempts are not spent; the wait is
 * the policy's back-off with its seeded jitter, never shorter than the array asked for. The next
 * attempt runs as a timer of the run's {@link Mailbox}, so a new phase or round drops it; whether
 * it is still wanted when it fires is for the caller's {@code again} to check.
 *
 * <p>Serves every call site: observing, waiting for a copy another run started, steps, the delete
 * that clears a failed copy, and the clean-up's listing and deletes. One random generator serves
 * them all, in the order they fail, so a run is repeatable for a seed.
 */
// retries is volatile for progress readers and written by mailbox tasks only: one writer.
@SuppressWarnings("NonAtomicVolatileUpdate")
final class Retrier {
  private final RetryPolicy policy;
  private final SplittableRandom random;
  private final Mailbox mailbox;
  private volatile int retries;

  Retrier(RetryPolicy policy, Mailbox mailbox) {
    this.policy = policy;
    this.random = new SplittableRandom(policy.seed());
    this.mailbox = mailbox;
  }

  /**
   * Tries a failed call again after a back-off, if its error is retryable and attempts remain.
   *
   * @param failedAttempt the attempt that failed, from 1
   * @param error what it failed with
   * @param again the next attempt
   * @return the wait before {@code again} runs, or null if the call is not tried again
   */
  @Nullable Duration retry(int failedAttempt, @Nullable Throwable error, Runnable again) {
    if (!FailureClassifier.retryable(error) || failedAttempt >= policy.maxAttempts()) {
      return null;
    }
    Optional<Duration> hint =
        error instanceof BusyException busy ? busy.retryAfter() : Optional.empty();
    Duration wait = policy.backoff(failedAttempt, hint, random);
    retries++;
    mailbox.after(wait, again);
    return wait;
  }

  /**
   * Says whether a physical copy that ended FAILED may be made again, and counts it as a retry if
   * so.
   *
   * @param failedAttempt the attempt that made the failed copy, from 1
   * @return whether attempts remain
   */
  boolean remake(int failedAttempt) {
    if (failedAttempt >= policy.maxAttempts()) {
      return false;
    }
    retries++;
    return true;
  }

  /** Returns how many calls were tried again so far. */
  int retries() {
    return retries;
  }
}
