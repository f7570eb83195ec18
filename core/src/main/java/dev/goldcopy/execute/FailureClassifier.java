package dev.goldcopy.execute;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.LimitReachedException;
import org.jspecify.annotations.Nullable;

/** What a run does about an error an array call failed with. */
final class FailureClassifier {
  /** The answer to a failed call, and what it means once the attempts are spent. */
  enum Verdict {
    /** Retryable (busy, transient, a lost answer): call again; once spent, fail for this round. */
    RETRY(true, false),
    /** A physical copy ended FAILED: delete it and copy again; once spent, fail for this round. */
    REMAKE_COPY(true, false),
    /**
     * The array is not as planned (a conflict, a container gone, a limit or the capacity taken by
     * someone else, a copy deleted while being made): fail, plan again.
     */
    REPLAN(true, true),
    /** Nothing a later round changes (access denied, a lost lease, unknown): fail for good. */
    PERMANENT(false, false);

    /** Whether a later round may try the step again. */
    final boolean repeatable;

    /** Whether the round ends so the planner sees the array as it is. */
    final boolean replan;

    Verdict(boolean repeatable, boolean replan) {
      this.repeatable = repeatable;
      this.replan = replan;
    }
  }

  private FailureClassifier() {}

  /** Returns the verdict on {@code error}. */
  static Verdict classify(@Nullable Throwable error) {
    if (retryable(error)) {
      return Verdict.RETRY;
    }
    if (error instanceof CopyFailedException) {
      return Verdict.REMAKE_COPY;
    }
    if (error instanceof ConflictException
        || error instanceof ContainerNotFoundException
        || error instanceof LimitReachedException
        || error instanceof InsufficientCapacityException
        || error instanceof CopyAbortedException) {
      return Verdict.REPLAN;
    }
    return Verdict.PERMANENT;
  }

  /** Returns whether the array says the same call may succeed if repeated. */
  static boolean retryable(@Nullable Throwable error) {
    return error instanceof ArrayException a && a.retryable();
  }

  /** Returns the error's type and message, for reasons people read. */
  static String describe(@Nullable Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message = error.getMessage();
    if (error instanceof StepChecks.StepNotIssuedException && message != null) {
      return message; // "not issued: why", the run's own words
    }
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
