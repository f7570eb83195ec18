package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.Labels;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The reactive baseline: what OpenStack Cinder's Dell Unity driver does when it provisions volumes
 * from one source. It thin-clones the current master; only when the array refuses with "limit
 * reached" does it full-copy a new master and go on cloning from that one.
 *
 * <p>How this implementation behaves, so the comparison can be judged:
 *
 * <ul>
 *   <li>It drives the {@link ArrayAdapter} directly, as a driver would, and plans nothing ahead: it
 *       does not know the per-source limit and learns of it only from the refusal.
 *   <li>Clone creations are issued in parallel, up to the array's declared virtual-copy
 *       concurrency (the same concurrency the other strategies get).
 *   <li>On a per-source refusal from the current master it starts exactly one full copy, by
 *       default from the origin (as the Unity driver copies the original source), or from the
 *       newest master ({@link CopySource}). Clones that are refused are queued again, and no clone
 *       is issued while the copy runs, since the only known master is full. This is kinder than the
 *       driver itself, which handles each request on its own and so may make one copy per refused
 *       request.
 *   <li>Busy and transient errors are retried after the array's hint; a copy that fails half-way is
 *       deleted and made again.
 * </ul>
 *
 * <p>Copies are therefore strictly one after another, each started only when the previous master
 * is full: the makespan grows with the number of masters times one copy's duration.
 *
 * <p>Threading: meant for the simulated array's single event loop (stages complete on the thread
 * that runs events); not safe for stages that complete on several threads at once.
 */
public final class ReactiveStrategy {

  /** Which master the reactive strategy copies when the current one is full. */
  public enum CopySource {
    /** The origin, as OpenStack Cinder's Unity driver copies the volume's original source. */
    ORIGIN,
    /** The newest master, the one that just refused. */
    NEWEST_MASTER
  }

  private final ArrayAdapter array;
  private final DelayScheduler scheduler;
  private final CopySource copySource;

  /**
   * Creates the strategy.
   *
   * @param array the array to drive
   * @param scheduler runs delayed retries on the array's clock
   * @param copySource which master a new master is copied from
   * @throws NullPointerException if an argument is null
   */
  public ReactiveStrategy(ArrayAdapter array, DelayScheduler scheduler, CopySource copySource) {
    this.array = requireNonNull(array, "array");
    this.scheduler = requireNonNull(scheduler, "scheduler");
    this.copySource = requireNonNull(copySource, "copySource");
  }

  /**
   * Returns which master new masters are copied from.
   *
   * @return the copy source
   */
  public CopySource copySource() {
    return copySource;
  }

  /**
   * Makes one virtual copy per name, starting from the origin.
   *
   * @param store the calling tenant and store
   * @param origin the ready origin master
   * @param cloneNames the virtual copies to make, one per VM; distinct
   * @return a stage that completes when every virtual copy exists, or fails with the first error
   *     that is neither a per-source refusal nor retryable
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code origin} is not a ready master or a name repeats
   */
  public CompletableFuture<Void> provision(
      StoreRef store, Container origin, List<String> cloneNames) {
    ProvisionArguments.check(store, origin, cloneNames);
    Run run = new Run(store, origin, cloneNames);
    return array.capabilities(store).toCompletableFuture().thenCompose(run::start);
  }

  /** One provisioning run: the queue of clones still to make and the master they go to. */
  private final class Run {
    private final StoreRef store;
    private final Container origin;
    private final Deque<String> pending;
    private final RetryingCalls calls = new RetryingCalls(scheduler);
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private Container currentMaster;
    private int cloneConcurrency = Integer.MAX_VALUE;
    private int inFlight;
    private boolean copying;
    private int copiesMade;
    private boolean pumping;
    private boolean pumpAgain;

    Run(StoreRef store, Container origin, List<String> cloneNames) {
      this.store = store;
      this.origin = origin;
      this.currentMaster = origin;
      this.pending = new ArrayDeque<>(cloneNames);
    }

    CompletableFuture<Void> start(ArrayCapabilities capabilities) {
      if (ArrayCapabilities.isLimited(capabilities.maxConcurrentVirtualCopies())) {
        cloneConcurrency = capabilities.maxConcurrentVirtualCopies();
      }
      pump();
      return result;
    }

    /** Issues clones while there is room; re-entrant calls (from stages done at once) loop here. */
    private void pump() {
      if (pumping) {
        pumpAgain = true;
        return;
      }
      pumping = true;
      try {
        do {
          pumpAgain = false;
          while (!result.isDone() && !copying && inFlight < cloneConcurrency) {
            String name = pending.pollFirst();
            if (name == null) {
              break;
            }
            issueClone(name);
          }
          if (!result.isDone() && pending.isEmpty() && inFlight == 0 && !copying) {
            result.complete(null);
          }
        } while (pumpAgain);
      } finally {
        pumping = false;
      }
    }

    private void issueClone(String name) {
      Container master = currentMaster;
      inFlight++;
      CompletableFuture<Container> clone =
          calls.call(() -> array.createVirtualCopy(store, master.id(), name, Labels.empty()));
      RetryingCalls.whenDone(clone, (made, error) -> onCloneDone(name, master, error));
    }

    private void onCloneDone(String name, Container master, @Nullable Throwable error) {
      inFlight--;
      if (error != null) {
        Throwable cause = RetryingCalls.unwrap(error);
        if (cause instanceof LimitReachedException limit
            && limit.scope() == LimitReachedException.Scope.PER_SOURCE) {
          pending.addFirst(name);
          if (master.equals(currentMaster) && !copying) {
            startCopy();
          }
        } else {
          result.completeExceptionally(cause);
          return;
        }
      }
      pump();
    }

    private void startCopy() {
      copying = true;
      Container source = copySource == CopySource.ORIGIN ? origin : currentMaster;
      copiesMade++;
      String name = String.format("%s-hidden-%04d", origin.name(), copiesMade);
      CompletableFuture<Container> copy =
          calls.copyWithCleanup(array, store, source.id(), name);
      RetryingCalls.whenDone(
          copy,
          (made, error) -> {
            if (error != null) {
              result.completeExceptionally(RetryingCalls.unwrap(error));
              return;
            }
            currentMaster = made;
            copying = false;
            pump();
          });
    }
  }
}
