package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The reactive baseline, after OpenStack Cinder's Dell Unity driver: every VM is one volume
 * request, and requests are served concurrently. A request thin-clones the current base volume;
 * when the array refuses with "limit reached" it full-copies the request's source (the origin) into
 * a hidden volume, makes that the base for later requests (the driver's storops cache), and clones
 * from its own copy. It plans nothing and does not know the per-source limit; it learns of it from
 * each refusal.
 *
 * <p>So every request refused at the same moment makes its own full copy, and a copy made for one
 * request is full only when later requests fill it: the strategy makes more copies than needed,
 * each started late, on the critical path of a VM's creation. How this implementation differs from
 * the driver, so the comparison can be judged:
 *
 * <ul>
 *   <li>The full copy is the array's physical copy, queued on the client at most the array's
 *       physical-copy concurrency at once (the driver copies through the host with dd);
 *   <li>at most {@code requests} requests are in flight, by default the array's clone concurrency;
 *   <li>busy and transient errors are retried after the array's hint, a copy that fails half-way
 *       is deleted and made again, and a clone refused on a request's own copy (another request
 *       filled it first) makes another copy instead of failing the request.
 * </ul>
 *
 * <p>Threading: meant for the simulated array's single event loop; not safe for stages that
 * complete on several threads at once.
 */
public final class ReactiveStrategy {

  private final ArrayAdapter array;
  private final DelayScheduler scheduler;
  private final int requests;

  /**
   * Creates the strategy with as many requests in flight as the array makes clones at once.
   *
   * @param array the array to drive
   * @param scheduler runs delayed retries on the array's clock
   * @throws NullPointerException if an argument is null
   */
  public ReactiveStrategy(ArrayAdapter array, DelayScheduler scheduler) {
    this(array, scheduler, 0);
  }

  /**
   * Creates the strategy.
   *
   * @param array the array to drive
   * @param scheduler runs delayed retries on the array's clock
   * @param requests how many requests are served at once; 0 for the array's clone concurrency
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code requests} is negative
   */
  public ReactiveStrategy(ArrayAdapter array, DelayScheduler scheduler, int requests) {
    this.array = requireNonNull(array, "array");
    this.scheduler = requireNonNull(scheduler, "scheduler");
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative: " + requests);
    }
    this.requests = requests;
  }

  /**
   * Makes one virtual copy per name, one request each, starting from the origin.
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

  /** One provisioning run: the requests, the base volume they clone, the copies in flight. */
  private final class Run {
    private final StoreRef store;
    private final Container origin;
    private final List<String> cloneNames;
    private final RetryingCalls calls = new RetryingCalls(scheduler);
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private Slots inFlight = new Slots(0);
    private Slots copies = new Slots(0);
    /** The volume new requests clone: the origin, then the newest hidden copy. */
    private Container base;
    private int done;
    private int copiesMade;

    Run(StoreRef store, Container origin, List<String> cloneNames) {
      this.store = store;
      this.origin = origin;
      this.cloneNames = cloneNames;
      this.base = origin;
    }

    CompletableFuture<Void> start(ArrayCapabilities capabilities) {
      inFlight = new Slots(requests > 0 ? requests : capabilities.maxConcurrentVirtualCopies());
      copies = new Slots(capabilities.maxConcurrentPhysicalCopies());
      if (cloneNames.isEmpty()) {
        result.complete(null);
      }
      for (String name : cloneNames) {
        inFlight.submit(() -> clone(base, name));
      }
      return result;
    }

    private void clone(Container source, String name) {
      RetryingCalls.whenDone(
          calls.call(() -> array.createVirtualCopy(store, source.id(), name, Labels.empty())),
          (made, error) -> {
            if (error == null) {
              requestDone();
            } else if (isPerSourceRefusal(error)) {
              copies.submit(() -> copyThenClone(name));
            } else {
              result.completeExceptionally(RetryingCalls.unwrap(error));
            }
          });
    }

    /** The driver's answer to a refusal: a full copy of the origin, the new base, a clone of it. */
    private void copyThenClone(String name) {
      copiesMade++;
      String hidden = String.format("%s-hidden-%04d-%s", origin.name(), copiesMade, name);
      RetryingCalls.whenDone(
          calls.copyWithCleanup(array, store, origin.id(), hidden),
          (copy, error) -> {
            copies.release();
            if (error != null) {
              result.completeExceptionally(RetryingCalls.unwrap(error));
              return;
            }
            base = copy;
            clone(copy, name);
          });
    }

    private void requestDone() {
      inFlight.release();
      if (++done == cloneNames.size()) {
        result.complete(null);
      }
    }

    private boolean isPerSourceRefusal(@Nullable Throwable error) {
      return error != null
          && RetryingCalls.unwrap(error) instanceof LimitReachedException limit
          && limit.scope() == LimitReachedException.Scope.PER_SOURCE;
    }
  }
}
