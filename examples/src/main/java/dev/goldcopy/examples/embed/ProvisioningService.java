package dev.goldcopy.examples.embed;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.ExecutionEvent;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How cloud-management code embeds Goldcopy: one service per array, built once, used for every
 * store. It previews a plan (for an approval screen or a dry run) and provisions a store, reporting
 * progress to the caller's own log or UI.
 *
 * <p>This is production wiring: real threads ({@code workers}), the system clock and Goldcopy's
 * default scheduler. On the simulated array, pass the simulator's executor, clock and scheduler
 * instead (see {@code dev.goldcopy.examples.fleet.FleetDemo}).
 */
public final class ProvisioningService {
  private final ArrayAdapter array;
  private final ContainerReplicationPlanner planner;
  private final ReplicationExecutor executor;

  /**
   * Creates the service.
   *
   * @param array the vendor's adapter for the array
   * @param workers the threads that run Goldcopy's work and callbacks
   * @param progress where progress lines go (a log, a UI)
   * @throws NullPointerException if an argument is null
   */
  public ProvisioningService(ArrayAdapter array, Executor workers, Consumer<String> progress) {
    this.array = requireNonNull(array, "array");
    requireNonNull(progress, "progress");
    // Reserve the origin as a pristine source, and keep 10% headroom for VMs to come.
    this.planner =
        ContainerReplicationPlanner.create(
            PlanningPolicy.builder().originServesClones(false).growthHeadroomPercent(10).build());
    this.executor =
        ReplicationExecutor.builder(array)
            .planner(planner)
            .executor(requireNonNull(workers, "workers"))
            .maxConcurrentVirtualCopies(8) // Horizon's default: 8 concurrent provisioning operations
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(6)
                    .initialBackoff(Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(10))
                    .build())
            .deadline(Duration.ofHours(4))
            .listener(event -> progress.accept(describe(event)))
            .build();
  }

  /**
   * Plans {@code store} for {@code demand} without touching the array beyond reading it.
   *
   * @param store the tenant and store
   * @param demand the VMs that must run from it
   * @return the plan; {@link ReplicationPlan#explain()} reads as an engineer's note
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the demand names an image the store does not hold
   * @throws IllegalStateException if the array cannot be read
   */
  public ReplicationPlan preview(StoreRef store, Demand demand) {
    try {
      ArrayCapabilities capabilities = array.capabilities(store).toCompletableFuture().get();
      Inventory inventory = array.inventory(store).toCompletableFuture().get();
      return planner.plan(new PlanningInput(store, capabilities, inventory, demand));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + store, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read " + store + ": " + e.getCause(), e);
    }
  }

  /**
   * Provisions {@code store} for {@code demand} and waits for the result.
   *
   * @param store the tenant and store
   * @param demand the VMs that must run from it
   * @return the result, with what happened to each VM
   * @throws NullPointerException if an argument is null
   */
  public ExecutionResult provision(StoreRef store, Demand demand) {
    return executor.execute(store, demand);
  }

  private static String describe(ExecutionEvent event) {
    if (event instanceof ExecutionEvent.StepFinished finished) {
      return "done   " + finished.step().id();
    }
    if (event instanceof ExecutionEvent.StepFailed failed) {
      return "failed " + failed.step().id();
    }
    if (event instanceof ExecutionEvent.StepRetried retried) {
      return "retry  " + retried.step().id();
    }
    if (event instanceof ExecutionEvent.RunFinished finished) {
      return "run finished: " + finished.outcome();
    }
    return "start  " + ((ExecutionEvent.StepStarted) event).step().id();
  }
}
