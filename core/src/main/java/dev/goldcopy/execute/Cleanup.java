package dev.goldcopy.execute;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * After a run stops: deletes what this run tried to make and left incomplete (a container that is
 * not READY and that the run asked for), and nothing else. Each delete is retried through the
 * {@link Retrier}; one that still fails is logged and left. Tells the run once every delete has
 * answered.
 */
final class Cleanup {
  private static final System.Logger LOG = System.getLogger(ReplicationExecutor.class.getName());

  private final ArrayCalls calls;
  private final Observer observer;
  private final Retrier retrier;
  private final RunLedger ledger;
  private int pending;

  Cleanup(ArrayCalls calls, Observer observer, Retrier retrier, RunLedger ledger) {
    this.calls = calls;
    this.observer = observer;
    this.retrier = retrier;
    this.ledger = ledger;
  }

  /**
   * Lists the store, then deletes this run's half-made containers in it. If the store cannot be
   * listed, logs it and gives up.
   *
   * @param listed told of the inventory, if it could be read
   * @param done run once every delete has answered, or once listing failed
   */
  void listAndSweep(Consumer<Inventory> listed, Runnable done) {
    observer.list(
        (inventory, error) -> {
          if (inventory == null) {
            LOG.log(
                Level.WARNING,
                "could not list "
                    + calls.store()
                    + " to clean up after the run: "
                    + FailureClassifier.describe(error));
            done.run();
            return;
          }
          listed.accept(inventory);
          sweep(inventory, done);
        });
  }

  /**
   * Deletes this run's half-made containers listed in {@code inventory}.
   *
   * @param inventory the store, read after the run's calls returned
   * @param done run once every delete has answered, or at once if there is none
   */
  void sweep(Inventory inventory, Runnable done) {
    pending = 0;
    for (Container c : inventory.containers()) {
      if (c.state() != ContainerState.READY && ledger.isSuspect(c.name())) {
        pending++;
        delete(c, 1, done);
      }
    }
    if (pending == 0) {
      done.run();
    }
  }

  private void delete(Container c, int attempt, Runnable done) {
    calls.delete(
        c.id(),
        (v, error) -> {
          if (error == null) {
            ledger.cleanupDeletion();
            ledger.cleared(c.name());
          } else {
            if (retrier.retry(attempt, error, () -> delete(c, attempt + 1, done)) != null) {
              return;
            }
            LOG.log(
                Level.WARNING,
                "could not delete the incomplete container "
                    + c.name()
                    + ": "
                    + FailureClassifier.describe(error));
          }
          if (--pending == 0) {
            done.run();
          }
        });
  }
}
