package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The parallel script: what a capable engineer writes without Goldcopy, given the array's limits.
 * It reads the capabilities, computes {@code M = max(1, ceil(N / L))} masters, copies the {@code M
 * - 1} replicas all from the origin with as many copies at once as the array runs ({@code P}, its
 * declared physical-copy concurrency), and makes the clones, at most the array's clone concurrency
 * at once: master {@code k} serves clones {@code k * L} to {@code (k + 1) * L - 1}, the origin the
 * first {@code L}.
 *
 * <p>Two variants: <b>pipelined</b>, where a master's clones start as soon as it is ready (the
 * origin's at once), and <b>not pipelined</b>, where every copy is made first and then every clone.
 * Both know the limits up front, so the array never refuses them; what they lack against the
 * planned executor is copying from finished replicas (a fan-out tree), which matters only when a
 * source cannot feed many copies at once.
 *
 * <p>Busy and transient errors are retried after the array's hint; a copy that fails half-way is
 * deleted and made again.
 *
 * <p>Threading: meant for the simulated array's single event loop; not safe for stages that
 * complete on several threads at once.
 */
public final class ParallelScriptStrategy {

  private final ArrayAdapter array;
  private final DelayScheduler scheduler;
  private final boolean pipelined;

  /**
   * Creates the strategy.
   *
   * @param array the array to drive
   * @param scheduler runs delayed retries on the array's clock
   * @param pipelined whether a master's clones start as soon as it is ready
   * @throws NullPointerException if an argument is null
   */
  public ParallelScriptStrategy(ArrayAdapter array, DelayScheduler scheduler, boolean pipelined) {
    this.array = requireNonNull(array, "array");
    this.scheduler = requireNonNull(scheduler, "scheduler");
    this.pipelined = pipelined;
  }

  /**
   * Returns whether clones start as soon as their master is ready.
   *
   * @return true for the pipelined variant
   */
  public boolean pipelined() {
    return pipelined;
  }

  /**
   * Makes the replicas from the origin and one virtual copy per name.
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
    private Container[] masters = new Container[0];
    private int perMaster;
    private int copiesDone;
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
      int count = SequentialCopyStrategy.mastersNeeded(cloneNames.size(), limit);
      perMaster = ArrayCapabilities.isLimited(limit) ? limit : Math.max(1, cloneNames.size());
      masters = new Container[count];
      masters[0] = origin;
      copies = new Slots(capabilities.maxConcurrentPhysicalCopies());
      clones = new Slots(capabilities.maxConcurrentVirtualCopies());
      if (cloneNames.isEmpty()) {
        result.complete(null);
        return result;
      }
      if (pipelined || count == 1) {
        startClones(0);
      }
      for (int k = 1; k < count; k++) {
        int master = k;
        copies.submit(() -> copy(master));
      }
      return result;
    }

    private void copy(int k) {
      String name = String.format("%s-copy-%04d", origin.name(), k);
      RetryingCalls.whenDone(
          calls.copyWithCleanup(array, store, origin.id(), name),
          (made, error) -> {
            copies.release();
            if (error != null) {
              result.completeExceptionally(RetryingCalls.unwrap(error));
              return;
            }
            masters[k] = made;
            copiesDone++;
            if (pipelined) {
              startClones(k);
            } else if (copiesDone == masters.length - 1) {
              for (int m = 0; m < masters.length; m++) {
                startClones(m);
              }
            }
          });
    }

    /** Queues master {@code k}'s clones. */
    private void startClones(int k) {
      Container master = masters[k];
      int end = (int) Math.min(cloneNames.size(), (long) (k + 1) * perMaster);
      for (int i = k * perMaster; i < end; i++) {
        String name = cloneNames.get(i);
        clones.submit(() -> clone(master, name));
      }
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
