package dev.goldcopy.execute;

import dev.goldcopy.execute.StepNode.Kind;
import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes a stop prompt: aborts the physical copies this run has in flight by deleting them, which
 * ends their create calls with {@link dev.goldcopy.spi.CopyAbortedException}, so a cancel or a
 * deadline returns in a time that does not depend on the image's size. Only copies this round
 * asked for and whose create has not answered, that are still copying and that Goldcopy owns, are
 * deleted; a copy another run started is not waited for and not touched.
 *
 * <p>The store is listed, the matching copies deleted (each retried through the {@link Retrier}),
 * and, while creates of this round are still unanswered (the array may not list a copy it has just
 * been asked for), listed again after {@link #PAUSE}, at most {@link #MAX_PASSES} times.
 */
final class CopyAborts {
  private static final System.Logger LOG = System.getLogger(ReplicationExecutor.class.getName());

  /** The wait between two passes. */
  static final Duration PAUSE = Duration.ofSeconds(1);

  /** The most passes a stop makes. */
  static final int MAX_PASSES = 30;

  private final ArrayCalls calls;
  private final Observer observer;
  private final Retrier retrier;
  private final Stewardship stewardship;
  private final Mailbox mailbox;
  private final RunControl run;
  private int aborted;

  CopyAborts(
      ArrayCalls calls,
      Observer observer,
      Retrier retrier,
      Stewardship stewardship,
      Mailbox mailbox,
      RunControl run) {
    this.run = run;
    this.calls = calls;
    this.observer = observer;
    this.retrier = retrier;
    this.stewardship = stewardship;
    this.mailbox = mailbox;
  }

  /**
   * Aborts the round's copies in flight; the creates' answers end the stop as usual, and every
   * answer of the abort's own calls settles the run too.
   */
  void abort(Round r) {
    pass(r, 1);
  }

  /** Returns how many copies were deleted while being made. */
  int aborted() {
    return aborted;
  }

  private void pass(Round r, int number) {
    Set<String> copying = copiesInFlight(r);
    if (copying.isEmpty()) {
      return;
    }
    observer.list(
        (inventory, error) -> {
          if (inventory == null) {
            LOG.log(Level.WARNING, "could not list " + calls.store() + " to abort its copies: "
                + FailureClassifier.describe(error));
            run.settle();
            return;
          }
          Set<String> still = copiesInFlight(r);
          for (Container c : inventory.containers()) {
            if (still.contains(c.name())
                && c.isMaster()
                && c.state() == ContainerState.COPYING
                && stewardship.manages(c)) {
              delete(c, 1);
            }
          }
          if (number < MAX_PASSES) {
            mailbox.schedule(PAUSE, () -> pass(r, number + 1));
          }
          run.settle();
        });
  }

  private void delete(Container c, int attempt) {
    calls.delete(
        c.id(),
        (v, error) -> {
          if (error == null) {
            aborted++;
          } else if (retrier.retry(attempt, error, () -> delete(c, attempt + 1)) == null) {
            LOG.log(Level.WARNING, "could not abort the copy " + c.name() + ": "
                + FailureClassifier.describe(error));
          }
          run.settle();
        });
  }

  private static Set<String> copiesInFlight(Round r) {
    Set<String> names = new HashSet<>();
    for (StepNode n : r.graph.nodes()) {
      if (n.kind == Kind.REPLICA && n.status == Status.RUNNING) {
        names.add(n.key);
      }
    }
    return names;
  }
}
