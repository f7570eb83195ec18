package dev.goldcopy.execute;

import dev.goldcopy.execute.FailureClassifier.Verdict;
import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a step whose call failed, by the {@link FailureClassifier}'s verdict: tried again
 * after a back-off (through the {@link Retrier}), or its failed copy deleted and made again, or
 * failed for this round or for good. A failed step blocks the steps that depend on it, may end the
 * round for a new plan, and stops the run under {@link ErrorPolicy#STOP_AT_FIRST_ERROR}.
 */
final class StepFailures {
  private final ArrayCalls calls;
  private final Retrier retrier;
  private final RunLedger ledger;
  private final Listeners listeners;
  private final ErrorPolicy errorPolicy;
  private final RunControl run;
  private final Dispatcher dispatcher;

  StepFailures(
      ArrayCalls calls,
      Retrier retrier,
      RunLedger ledger,
      Listeners listeners,
      ErrorPolicy errorPolicy,
      RunControl run,
      Dispatcher dispatcher) {
    this.calls = calls;
    this.retrier = retrier;
    this.ledger = ledger;
    this.listeners = listeners;
    this.errorPolicy = errorPolicy;
    this.run = run;
    this.dispatcher = dispatcher;
  }

  /** The call of step {@code n} failed with {@code error}. */
  void failed(Round r, StepNode n, @Nullable Throwable error) {
    if (error instanceof StepChecks.StepNotIssuedException notIssued && !notIssued.triedBefore) {
      ledger.cleared(n.key); // it never reached the array: nothing of it to clean up
    }
    if (!dispatcher.issuing(r)) {
      // the round ends (a stop, a drift, a re-plan): the step waits for a later round or run;
      // unless a later round of this run carries it out, its listeners, told it started, hear at
      // the end of the run that it failed
      String why = FailureClassifier.describe(error);
      n.status = Status.WAITING;
      n.failure = why;
      ledger.defer(n.key, n.step, why, error);
      return;
    }
    Duration wait = retrier.retry(n.attempts, error, () -> retryNow(r, n));
    if (wait != null) {
      n.status = Status.RETRY_WAIT;
      if (error != null) {
        listeners.stepRetried(n.step, n.attempts + 1, wait, error);
      }
      return;
    }
    Verdict verdict = FailureClassifier.classify(error);
    if (error instanceof CopyFailedException copyFailed && retrier.remake(n.attempts)) {
      remakeCopy(r, n, copyFailed);
      return;
    }
    fail(r, n, FailureClassifier.describe(error), error, verdict.repeatable, verdict.replan);
  }

  /**
   * Fails step {@code n} for this round, and blocks what depends on it.
   *
   * @param repeatable whether a later round may try it again (a few times)
   * @param replan whether the round ends for a new plan
   */
  void fail(
      Round r,
      StepNode n,
      String why,
      @Nullable Throwable error,
      boolean repeatable,
      boolean replan) {
    n.status = Status.FAILED;
    n.failure = why;
    ledger.stepFailed(n.key, why, repeatable);
    boolean last = ledger.failedForGood(n.key) != null;
    if (last) {
      listeners.stepFailed(n.step, why, error);
      ledger.settled(n.key);
    } else {
      // a later round may mend it: a retry, not a failure, unless it is never mended
      ledger.defer(n.key, n.step, why, error);
      if (error != null) {
        listeners.stepRetried(n.step, Math.max(2, n.attempts + 1), Duration.ZERO, error);
      }
    }
    boolean noRoom = error instanceof InsufficientCapacityException;
    if (n.step instanceof CreateClone c) {
      ledger.vmFailed(c.vm(), why, !repeatable);
      if (noRoom) {
        ledger.noteShortOfCapacity(c.vm());
      }
    }
    if (replan) {
      r.replanRequested = true;
    }
    r.graph.block(
        n,
        why,
        (root, d, reason) -> {
          if (d.step instanceof CreateClone c) {
            ledger.vmFailed(c.vm(), reason, !repeatable);
            if (noRoom) {
              ledger.noteShortOfCapacity(c.vm());
            }
          }
          if (last && run.running()) {
            listeners.stepFailed(d.step, reason, null);
          }
        });
    if (errorPolicy == ErrorPolicy.STOP_AT_FIRST_ERROR && !run.stopping()) {
      run.stop(Outcome.FAILED, "stopped at the first error: " + n.describe() + ": " + why);
    }
  }

  /** A back-off is over: queue the step first among its kind, if steps are still issued. */
  private void retryNow(Round r, StepNode n) {
    if (n.status != Status.RETRY_WAIT) {
      return;
    }
    if (!dispatcher.issuing(r)) {
      n.status = Status.WAITING;
      run.settle();
      return;
    }
    n.status = Status.READY;
    r.readyFirst(n);
    dispatcher.pump(r);
    run.settle();
  }

  /** A physical copy ended FAILED: delete the failed container, then make the copy again. */
  private void remakeCopy(Round r, StepNode n, CopyFailedException copyFailed) {
    n.status = Status.RETRY_WAIT;
    listeners.stepRetried(n.step, n.attempts + 1, Duration.ZERO, copyFailed);
    deleteFailedCopy(r, n, copyFailed.container(), 1);
  }

  private void deleteFailedCopy(Round r, StepNode n, ContainerId failedCopy, int attempt) {
    calls.delete(
        failedCopy,
        (v, error) -> {
          if (error == null) {
            ledger.cleanupDeletion();
            retryNow(r, n);
            return;
          }
          boolean issuing = dispatcher.issuing(r);
          if (issuing
              && retrier.retry(attempt, error, () -> deleteAgain(r, n, failedCopy, attempt + 1))
                  != null) {
            return;
          }
          if (issuing) {
            String why =
                "could not delete the failed copy "
                    + n.key
                    + ": "
                    + FailureClassifier.describe(error);
            fail(r, n, why, error, true, true);
          } else {
            n.status = Status.WAITING;
          }
          dispatcher.pump(r);
          run.settle();
        });
  }

  private void deleteAgain(Round r, StepNode n, ContainerId failedCopy, int attempt) {
    if (dispatcher.issuing(r)) {
      deleteFailedCopy(r, n, failedCopy, attempt);
    } else {
      n.status = Status.WAITING;
      run.settle();
    }
  }
}
