package dev.goldcopy.execute;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Waits for physical copies that another run (or a crashed one) started, on behalf of the steps
 * whose source they are. It asks for the same copy again, which the array answers when the copy is
 * complete (creation is idempotent by name), so one call per copy serves every step that waits for
 * it. Counts as a physical copy in flight; a retryable failure is retried through the {@link
 * Retrier}, any other ends the round for a new plan.
 */
final class CopyWaits {
  private final ArrayCalls calls;
  private final Retrier retrier;
  private final RunControl run;
  private final Dispatcher dispatcher;
  private final StepFailures failures;

  CopyWaits(
      ArrayCalls calls,
      Retrier retrier,
      RunControl run,
      Dispatcher dispatcher,
      StepFailures failures) {
    this.calls = calls;
    this.retrier = retrier;
    this.run = run;
    this.dispatcher = dispatcher;
    this.failures = failures;
  }

  /** Makes {@code n} wait until {@code copying} is complete. */
  void await(Round r, Container copying, StepNode n) {
    ContainerId from = copying.source();
    if (!copying.isMaster() || from == null) {
      failures.fail(r, n, "its source " + copying.name() + " is not complete", null, true, true);
      return;
    }
    List<StepNode> waiters = r.awaiting.get(copying.name());
    if (waiters != null) {
      waiters.add(n);
      return;
    }
    waiters = new ArrayList<>();
    waiters.add(n);
    r.awaiting.put(copying.name(), waiters);
    ask(r, copying, from, 1);
  }

  private void ask(Round r, Container copying, ContainerId from, int attempt) {
    r.physicalInFlight++;
    dispatcher.awaitedCopyReads(from);
    calls.awaitCopy(
        from,
        copying.name(),
        copying.labels(),
        (done, error) -> answered(r, copying, from, attempt, done, error));
  }

  private void answered(
      Round r,
      Container copying,
      ContainerId from,
      int attempt,
      @Nullable Container done,
      @Nullable Throwable error) {
    r.physicalInFlight--;
    dispatcher.awaitedCopyAnswered(from);
    if (!run.running()) {
      run.settle();
      return;
    }
    if (done != null) {
      r.view.copyMade(done);
      r.successes++;
      List<StepNode> waiters = r.awaiting.remove(copying.name());
      if (waiters != null) {
        for (StepNode w : waiters) {
          if (w.status == Status.WAITING) {
            dispatcher.resolveSource(r, w, done.name());
          }
        }
      }
    } else {
      Runnable again =
          () -> {
            if (dispatcher.issuing(r)) {
              ask(r, copying, from, attempt + 1);
            } else {
              run.settle();
            }
          };
      if (run.stopping() || retrier.retry(attempt, error, again) == null) {
        r.awaiting.remove(copying.name());
        r.replanRequested = true;
      }
    }
    dispatcher.pump(r);
    run.settle();
  }
}
