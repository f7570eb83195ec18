package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.StoreRef;
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
  private final class Run extends ScriptRun {
    private int masters;
    private int copiesStarted;

    Run(StoreRef store, Container origin, List<String> cloneNames) {
      super(FanOutTreeStrategy.this.array, scheduler, store, origin, cloneNames);
    }

    CompletableFuture<Void> start(ArrayCapabilities capabilities) {
      if (open(capabilities)) {
        ready(origin);
      }
      return result;
    }

    /** A master is ready: its clones start, and it copies itself if more masters are needed. */
    private void ready(Container master) {
      startClones(master, masters++);
      copyFrom(master);
    }

    private void copyFrom(Container source) {
      if (copiesStarted + 1 >= mastersNeeded) {
        return;
      }
      copiesStarted++;
      String name = String.format("%s-tree-%04d", origin.name(), copiesStarted);
      copy(
          source.id(),
          name,
          made -> {
            ready(made);
            copyFrom(source);
          });
    }
  }
}
