package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.ExecutionHandle;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.execute.VmOutcome;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Carries a {@link RollPlan} out: each batch's demand through the {@link ReplicationExecutor}, in
 * order, approving the batch's own deletions; it stops at the first batch that does not end with
 * every VM of the batch running. The store is then in a state the store planner's invariants
 * hold for (within every limit, nothing half-made left by the executor's clean-up): plan again
 * from it with {@link RollRequest#resume} to go on, or {@link RollRequest#rollback} to go back.
 * When every batch is done, it releases the plan's replicas of older versions, checking again on
 * a fresh inventory that each is still the owner's, not an origin, ready and without clones.
 */
public final class RollRunner {
  /** Waits for a stage: {@code CompletionStage.toCompletableFuture().join()} on real arrays. */
  @FunctionalInterface
  public interface Awaiter {
    /**
     * Waits for {@code stage} and returns its value.
     *
     * @param stage the stage
     * @param <T> the value's type
     * @return the value
     */
    <T> T await(CompletionStage<T> stage);
  }

  private final ArrayAdapter adapter;
  private final ReplicationExecutor executor;
  private final PlanningPolicy policy;
  private final Awaiter awaiter;

  private RollRunner(
      ArrayAdapter adapter, ReplicationExecutor executor, PlanningPolicy policy, Awaiter awaiter) {
    this.adapter = adapter;
    this.executor = executor;
    this.policy = policy;
    this.awaiter = awaiter;
  }

  /**
   * Returns a runner.
   *
   * @param adapter the array, for the final release
   * @param executor the executor, built with a planner of {@code policy}
   * @param policy the policy (its owner decides what may be released)
   * @param awaiter how to wait for a stage ({@code SimulatedArray::await} on the simulator)
   * @return the runner
   */
  public static RollRunner create(
      ArrayAdapter adapter, ReplicationExecutor executor, PlanningPolicy policy, Awaiter awaiter) {
    return new RollRunner(requireNonNull(adapter, "adapter"), requireNonNull(executor, "executor"),
        requireNonNull(policy, "policy"), requireNonNull(awaiter, "awaiter"));
  }

  /**
   * Runs every batch of {@code plan}, stopping at the first that fails.
   *
   * @param plan the plan
   * @param listener hears each batch
   * @return how it ended
   */
  public RollResult run(RollPlan plan, RollListener listener) {
    List<ExecutionResult> done = new ArrayList<>();
    for (RollBatch batch : plan.batches()) {
      ExecutionHandle run = executor.start(plan.store(), plan.demandAfter(batch.index()),
          DeletionApproval.upTo(batch.vms().size()));
      listener.batchStarted(batch, run);
      ExecutionResult result = awaiter.await(run.result());
      boolean ok = batchDone(batch, result);
      listener.batchEnded(batch, result, ok);
      if (!ok) {
        return new RollResult(done, batch.index(), Optional.of(result), List.of(),
            "Batch " + (batch.index() + 1) + " of " + plan.batches().size() + " ended "
                + result.outcome() + "; " + done.size() + " batch(es) done. The store is within"
                + " every limit: plan again from it to resume, or plan the rollback.");
      }
      done.add(result);
    }
    List<String> released = plan.blocked().isEmpty() ? release(plan) : List.of();
    return new RollResult(done, -1, Optional.empty(), released,
        "Every batch done" + (plan.blocked().isEmpty() ? "" : "; " + plan.blocked().size()
            + " VM(s) blocked: " + plan.blockedReason()) + "; " + released.size()
            + " replica(s) of older versions released.");
  }

  private static boolean batchDone(RollBatch batch, ExecutionResult result) {
    if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.CANCELLED
        || result.outcome() == Outcome.DEADLINE_EXCEEDED) {
      return false;
    }
    for (VmId vm : batch.vms()) {
      VmOutcome o = result.vms().get(vm);
      if (!(o instanceof VmOutcome.Provisioned) && !(o instanceof VmOutcome.AlreadyThere)) {
        return false;
      }
    }
    return true;
  }

  private List<String> release(RollPlan plan) {
    if (plan.released().isEmpty()) {
      return List.of();
    }
    Inventory now = awaiter.await(adapter.inventory(plan.store()));
    StoreReading reading = new StoreReading(now);
    Set<String> wanted = new HashSet<>(plan.released());
    List<String> released = new ArrayList<>();
    for (Container c : now.containers()) {
      ContainerId id = c.id();
      if (c.isMaster() && wanted.contains(c.name()) && StoreReading.retirable(c, policy)
          && reading.clonesOn.getOrDefault(id, 0) == 0 && !isCopySource(now, id)) {
        awaiter.await(adapter.delete(plan.store(), id));
        released.add(c.name());
      }
    }
    return released;
  }

  private static boolean isCopySource(Inventory inventory, ContainerId id) {
    for (Container c : inventory.containers()) {
      if (id.equals(c.source())) {
        return true;
      }
    }
    return false;
  }
}
