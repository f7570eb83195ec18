package dev.goldcopy.execute;

/**
 * How a run ended. Read with each VM's {@link VmOutcome}: the run's outcome says why it ended, the
 * VMs' outcomes what the store holds for each of them now.
 */
public enum Outcome {
  /** The store matches the demand: every VM has its clone, nothing short, nothing failed. */
  SUCCEEDED,
  /**
   * The run did everything its plan could: every VM has its clone except those the plan itself
   * reported short ({@link VmOutcome.Unmet}, with the binding limit). Running again changes
   * nothing until a limit, the capacity or the demand changes.
   */
  SHORT,
  /**
   * The run went its course but some VMs were not served: a step failed ({@link VmOutcome.Failed})
   * or work is left that running again carries on ({@link VmOutcome.Unfinished}). Shortfalls the
   * plan stated may be present too.
   */
  PARTIAL,
  /**
   * The run could not go on: the store could not be observed, the planner refused the input, or a
   * step failed under {@link ErrorPolicy#STOP_AT_FIRST_ERROR}. Running again helps only once the
   * cause is fixed; the result's {@linkplain ExecutionResult#reason() reason} names it.
   */
  FAILED,
  /** {@link ExecutionHandle#cancel()} stopped the run. */
  CANCELLED,
  /** The run's deadline passed before the work was done. */
  DEADLINE_EXCEEDED,
  /**
   * An approved plan ({@link ReplicationExecutor#apply}) was not carried out further because the
   * store drifted from what the plan assumed; {@link ExecutionResult#drift()} names each
   * difference. Plan again and approve the new plan.
   */
  DRIFTED
}
