package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a store workflow ended. Every VM's outcome is read from the array at the end (after the
 * clean-up of a cancelled run), so it agrees with the array.
 *
 * @param workflowId the workflow's id
 * @param status how it ended
 * @param reason why, in words
 * @param vms every VM of the demand in force at the end, sorted
 * @param undone the steps of the last plan not carried out, each with why (step id, colon, why)
 * @param shortfalls the demand the last plan could not meet
 * @param leftInPlace containers the planner wanted deleted that this control plane does not own,
 *     left untouched
 * @param totals what the workflow did
 * @param plan the last plan (for {@link Status#PREVIEWED}: the plan to approve)
 * @param approval for {@link Status#PREVIEWED}: the plan with the preconditions it was made on
 */
public record StoreResult(
    String workflowId,
    Status status,
    String reason,
    List<VmResult> vms,
    List<String> undone,
    List<PlanDto.ShortfallDto> shortfalls,
    List<String> leftInPlace,
    Totals totals,
    @Nullable PlanDto plan,
    @Nullable ApprovedPlanDto approval) {

  /** How a store workflow ended. */
  public enum Status {
    /** The store matches the demand (or the approved plan is carried out): nothing short or failed. */
    SUCCEEDED,
    /** Done all it could: some demand is short by a limit the plan states, or steps failed. */
    PARTIAL,
    /** The store could not be observed or planned, or the run could not go on. */
    FAILED,
    /** The workflow was cancelled; what this run half-made is deleted. */
    CANCELLED,
    /** {@code APPLY}: the store no longer matches the approved plan's preconditions. */
    DRIFTED,
    /** {@code PREVIEW}: the plan is ready for approval; nothing was changed. */
    PREVIEWED
  }

  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a required field is null
   */
  public StoreResult {
    requireNonNull(workflowId, "workflowId");
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    vms = List.copyOf(vms);
    undone = List.copyOf(undone);
    shortfalls = List.copyOf(shortfalls);
    leftInPlace = List.copyOf(leftInPlace);
    requireNonNull(totals, "totals");
  }

  /**
   * Counts the VMs with outcome {@code kind}.
   *
   * @param kind an outcome
   * @return how many VMs have it
   */
  public int count(VmResult.Kind kind) {
    int n = 0;
    for (VmResult v : vms) {
      if (v.kind() == kind) {
        n++;
      }
    }
    return n;
  }
}
