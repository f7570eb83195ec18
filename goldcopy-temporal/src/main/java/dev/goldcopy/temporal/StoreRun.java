package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A handle on a store workflow, from any process with a {@link WorkflowClient}: its result, its
 * progress and plan, a new demand, a cancel.
 */
public final class StoreRun {
  private final WorkflowClient client;
  private final String workflowId;
  private final @Nullable String runId;

  StoreRun(WorkflowClient client, String workflowId, @Nullable String runId) {
    this.client = requireNonNull(client, "client");
    this.workflowId = requireNonNull(workflowId, "workflowId");
    this.runId = runId;
  }

  /**
   * Returns the workflow id, {@link StoreWorkflowIds#of(dev.goldcopy.spi.StoreRef)}.
   *
   * @return the id
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * Returns the run id this handle was started or attached with.
   *
   * @return the first run's id, or empty if attached by workflow id alone
   */
  public Optional<String> runId() {
    return Optional.ofNullable(runId);
  }

  /**
   * Waits for the workflow's result (following it across continue-as-new).
   *
   * @return the result
   */
  public StoreResult result() {
    return untyped().getResult(StoreResult.class);
  }

  /**
   * Returns the result when it comes.
   *
   * @return a future of the result
   */
  public CompletableFuture<StoreResult> resultAsync() {
    return untyped().getResultAsync(StoreResult.class);
  }

  /**
   * Asks the workflow for its progress.
   *
   * @return the progress
   */
  public StoreProgress progress() {
    return typed().progress();
  }

  /**
   * Asks the workflow for the plan it is carrying out.
   *
   * @return the plan, or empty before the first one
   */
  public Optional<PlanDto> currentPlan() {
    return Optional.ofNullable(typed().currentPlan());
  }

  /**
   * Replaces the store's demand while the workflow runs.
   *
   * @param demand the new demand, whole
   */
  public void changeDemand(Demand demand) {
    typed().changeDemand(DemandDto.of(demand));
  }

  /**
   * Cancels the workflow: it issues nothing more, deletes the copies it started (which aborts
   * them), waits for the calls in flight, deletes what else this run half-made, and {@link
   * #result()} answers {@code CANCELLED} with every VM as the array has it.
   */
  public void cancel() {
    typed().cancel("cancelled by a client");
  }

  private WorkflowStub untyped() {
    return client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
  }

  private StoreWorkflow typed() {
    return client.newWorkflowStub(StoreWorkflow.class, workflowId);
  }
}
