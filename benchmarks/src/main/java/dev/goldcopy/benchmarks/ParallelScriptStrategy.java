package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
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
  private final class Run extends ScriptRun {
    private Container[] masters = new Container[0];
    private int copiesDone;

    Run(StoreRef store, Container origin, List<String> cloneNames) {
      super(ParallelScriptStrategy.this.array, scheduler, store, origin, cloneNames);
    }

    CompletableFuture<Void> start(ArrayCapabilities capabilities) {
      if (!open(capabilities)) {
        return result;
      }
      int count = mastersNeeded;
      masters = new Container[count];
      masters[0] = origin;
      if (pipelined || count == 1) {
        startClones(origin, 0);
      }
      for (int k = 1; k < count; k++) {
        int master = k;
        String name = String.format("%s-copy-%04d", origin.name(), k);
        copy(origin.id(), name, made -> copied(master, made));
      }
      return result;
    }

    private void copied(int k, Container made) {
      masters[k] = made;
      copiesDone++;
      if (pipelined) {
        startClones(made, k);
      } else if (copiesDone == masters.length - 1) {
        for (int m = 0; m < masters.length; m++) {
          startClones(masters[m], m);
        }
      }
    }
  }
}
