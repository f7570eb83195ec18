package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.Labels;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sequential baseline: it sizes the replica group like the planner (the origin plus replicas,
 * {@code max(1, ceil(N / L))} masters in all), makes every replica from the origin, one copy after
 * another, and only then makes the clones, spread evenly over the masters and issued in parallel up
 * to the array's declared virtual-copy concurrency.
 *
 * <p>It knows the limit up front (from {@link ArrayAdapter#capabilities}), so it is never refused;
 * what it lacks is the fan-out (replicas copied from finished replicas, several copies at once) and
 * the pipelining of clones behind the copies.
 *
 * <p>Threading: meant for the simulated array's single event loop; not safe for stages that
 * complete on several threads at once.
 */
public final class SequentialCopyStrategy {

  private final ArrayAdapter array;
  private final DelayScheduler scheduler;

  /**
   * Creates the strategy.
   *
   * @param array the array to drive
   * @param scheduler runs delayed retries on the array's clock
   * @throws NullPointerException if an argument is null
   */
  public SequentialCopyStrategy(ArrayAdapter array, DelayScheduler scheduler) {
    this.array = requireNonNull(array, "array");
    this.scheduler = requireNonNull(scheduler, "scheduler");
  }

  /**
   * Returns how many masters, origin included, serve {@code vms} clones at {@code limit} clones per
   * master.
   *
   * @param vms how many clones
   * @param limit clones per master, or {@link ArrayCapabilities#UNLIMITED}
   * @return {@code max(1, ceil(vms / limit))}, or 1 without a limit
   * @throws IllegalArgumentException if {@code vms} or {@code limit} is negative
   */
  public static int mastersNeeded(int vms, int limit) {
    if (vms < 0) {
      throw new IllegalArgumentException("vms must not be negative: " + vms);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    if (!ArrayCapabilities.isLimited(limit)) {
      return 1;
    }
    return Math.max(1, (vms + limit - 1) / limit);
  }

  /**
   * Makes the replicas one after another from the origin, then one virtual copy per name.
   *
   * @param store the calling tenant and store
   * @param origin the ready origin master
   * @param cloneNames the virtual copies to make, one per VM; distinct
   * @return a stage that completes when every virtual copy exists, or fails with the first error
   *     that is not retryable
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code origin} is not a ready master or a name repeats
   */
  public CompletableFuture<Void> provision(
      StoreRef store, Container origin, List<String> cloneNames) {
    ProvisionArguments.check(store, origin, cloneNames);
    Run run = new Run(store, origin, cloneNames);
    return array.capabilities(store).toCompletableFuture().thenCompose(run::start);
  }

  /** One provisioning run. */
  private final class Run {
    private final StoreRef store;
    private final Container origin;
    private final List<String> cloneNames;
    private final RetryingCalls calls = new RetryingCalls(scheduler);
    private final List<Container> masters = new ArrayList<>();
    private final Deque<Integer> pendingClones = new ArrayDeque<>();
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private int mastersNeeded;
    private int cloneConcurrency = Integer.MAX_VALUE;
    private int inFlight;
    private boolean pumping;
    private boolean pumpAgain;

    Run(StoreRef store, Container origin, List<String> cloneNames) {
      this.store = store;
      this.origin = origin;
      this.cloneNames = cloneNames;
      masters.add(origin);
    }

    CompletableFuture<Void> start(ArrayCapabilities capabilities) {
      mastersNeeded = mastersNeeded(cloneNames.size(), capabilities.maxVirtualCopiesPerSource());
      if (ArrayCapabilities.isLimited(capabilities.maxConcurrentVirtualCopies())) {
        cloneConcurrency = capabilities.maxConcurrentVirtualCopies();
      }
      nextCopy();
      return result;
    }

    private void nextCopy() {
      if (masters.size() >= mastersNeeded) {
        for (int i = 0; i < cloneNames.size(); i++) {
          pendingClones.add(i);
        }
        pumpClones();
        return;
      }
      String name = String.format("%s-seq-%04d", origin.name(), masters.size());
      CompletableFuture<Container> copy =
          calls.copyWithCleanup(array, store, origin.id(), name);
      RetryingCalls.whenDone(
          copy,
          (made, error) -> {
            if (error != null) {
              result.completeExceptionally(RetryingCalls.unwrap(error));
              return;
            }
            masters.add(made);
            nextCopy();
          });
    }

    private void pumpClones() {
      if (pumping) {
        pumpAgain = true;
        return;
      }
      pumping = true;
      try {
        do {
          pumpAgain = false;
          while (!result.isDone() && inFlight < cloneConcurrency) {
            Integer index = pendingClones.pollFirst();
            if (index == null) {
              break;
            }
            issueClone(index);
          }
          if (!result.isDone() && pendingClones.isEmpty() && inFlight == 0) {
            result.complete(null);
          }
        } while (pumpAgain);
      } finally {
        pumping = false;
      }
    }

    /** Clone {@code index} goes to master {@code index mod masters}: an even spread. */
    private void issueClone(int index) {
      Container master = masters.get(index % masters.size());
      String name = cloneNames.get(index);
      inFlight++;
      CompletableFuture<Container> clone =
          calls.call(() -> array.createVirtualCopy(store, master.id(), name, Labels.empty()));
      RetryingCalls.whenDone(
          clone,
          (made, error) -> {
            inFlight--;
            if (error != null) {
              result.completeExceptionally(RetryingCalls.unwrap(error));
              return;
            }
            pumpClones();
          });
    }
  }
}
