package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fan-out tree script: the parallel script's sizing and pipelined clones, but every master,
 * once ready, copies itself, one copy at a time, until there are enough masters; so the masters
 * double every round while the array's copy concurrency allows, and no source is read by two
 * copies at once. It is what an engineer who expects the source to be the bottleneck writes; it
 * gives up the first rounds' parallelism (one copy, then two) that copying from the origin has.
 *
 * <p>Busy and transient errors are retried after the array's hint; a copy that fails half-way is
 * deleted and made again.
 *
 * <p>Threading: meant for the simulated array's single event loop; not safe for stages that
 * complete on several threads at once.
 */
public final class FanOutTreeStrategy {

  private final ArrayAdapter array;
  private final DelayScheduler scheduler;

  /**
   * Creates the strategy.
   *
   * @param array the array to drive
   * @param scheduler runs delayed retries on the array's clock
   * @throws NullPointerException if an argument is null
   */
  public FanOutTreeStrategy(ArrayAdapter array, DelayScheduler scheduler) {
    this.array = requireNonNull(array, "array");
    this.scheduler = requireNonNull(scheduler, "scheduler");
  }

  /**
   * Makes the replicas in a fan-out tree and one virtual copy per name.
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
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final List<Container> masters = new ArrayList<>();
    private int mastersNeeded;
    private int perMaster;
    private int copiesStarted;
    private int clonesDone;
    private Slots copies = new Slots(0);
    private Slots clones = new Slots(0);

    Run(StoreRef store, Container origin, List<String> cloneNames) {
      this.store = store;
      this.origin = origin;
      this.cloneNames = cloneNames;
    }

    CompletableFuture<Void> start(ArrayCapabilities capabilities) {
      int limit = capabilities.maxVirtualCopiesPerSource();
      mastersNeeded = SequentialCopyStrategy.mastersNeeded(cloneNames.size(), limit);
      perMaster = ArrayCapabilities.isLimited(limit) ? limit : Math.max(1, cloneNames.size());
      copies = new Slots(capabilities.maxConcurrentPhysicalCopies());
      clones = new Slots(capabilities.maxConcurrentVirtualCopies());
      if (cloneNames.isEmpty()) {
        result.complete(null);
        return result;
      }
      ready(origin);
      return result;
    }

    /** A master is ready: its clones start, and it copies itself if more masters are needed. */
    private void ready(Container master) {
      int k = masters.size();
      masters.add(master);
      int end = (int) Math.min(cloneNames.size(), (long) (k + 1) * perMaster);
      for (int i = k * perMaster; i < end; i++) {
        String name = cloneNames.get(i);
        clones.submit(() -> clone(master, name));
      }
      copyFrom(master);
    }

    private void copyFrom(Container source) {
      if (copiesStarted + 1 >= mastersNeeded) {
        return;
      }
      copiesStarted++;
      String name = String.format("%s-tree-%04d", origin.name(), copiesStarted);
      copies.submit(
          () ->
              RetryingCalls.whenDone(
                  calls.copyWithCleanup(array, store, source.id(), name),
                  (made, error) -> {
                    copies.release();
                    if (error != null) {
                      result.completeExceptionally(RetryingCalls.unwrap(error));
                      return;
                    }
                    ready(made);
                    copyFrom(source);
                  }));
    }

    private void clone(Container master, String name) {
      RetryingCalls.whenDone(
          calls.call(() -> array.createVirtualCopy(store, master.id(), name, Labels.empty())),
          (made, error) -> {
            clones.release();
            if (error != null) {
              result.completeExceptionally(RetryingCalls.unwrap(error));
              return;
            }
            if (++clonesDone == cloneNames.size()) {
              result.complete(null);
            }
          });
    }
  }
}
