package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreRequest;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.jspecify.annotations.Nullable;

/**
 * The durable workflow that drives one store, one per store fleet-wide: its workflow id is {@link
 * StoreWorkflowIds#of(dev.goldcopy.spi.StoreRef)}, and Temporal runs at most one open workflow per
 * id, so at most one writer drives a store whatever number of clients and workers there are.
 *
 * <p>Start it through {@link StoreClient}; the names below are the workflow's stable type, signal
 * and query names on the wire.
 */
@WorkflowInterface
public interface StoreWorkflow {

  /** The workflow type name. */
  String TYPE = "GoldcopyStore";

  /**
   * Converges the store to its demand, applies an approved plan, or previews a plan, as the
   * request's mode says, and returns how it ended.
   *
   * @param request what to do
   * @return the outcome, read from the array at the end
   */
  @WorkflowMethod(name = TYPE)
  StoreResult run(StoreRequest request);

  /**
   * Replaces the demand while the workflow runs. Steps in flight finish; nothing new is issued for
   * the old demand; the workflow observes and plans again for the new one. Ignored by {@code APPLY}
   * and {@code PREVIEW} runs, whose input is fixed.
   *
   * @param demand the store's new demand, whole
   */
  @SignalMethod(name = "changeDemand")
  void changeDemand(DemandDto demand);

  /**
   * Stops the run: nothing more is issued, the copies it started are deleted (which aborts them),
   * the calls in flight come back, what else this run half-made is deleted, and the workflow returns
   * a {@code CANCELLED} result with every VM as the array has it. A Temporal cancel request does
   * the same clean-up, but Temporal then records the run as cancelled without a result.
   *
   * @param reason why, for the result
   */
  @SignalMethod(name = "cancel")
  void cancel(String reason);

  /**
   * Answers the workflow's progress.
   *
   * @return the progress
   */
  @QueryMethod(name = "progress")
  StoreProgress progress();

  /**
   * Answers the plan the workflow is carrying out.
   *
   * @return the current plan, or null before the first plan
   */
  @QueryMethod(name = "currentPlan")
  @Nullable PlanDto currentPlan();
}
