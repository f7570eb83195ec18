package dev.goldcopy.execute;

/** How a run ended. */
public enum Outcome {
  /** The store matches the demand: every VM has its clone, nothing short, nothing failed. */
  SUCCEEDED,
  /**
   * The run did all it could, but some demand is short (a limit the plan reports) or some steps
   * failed for good.
   */
  PARTIAL,
  /**
   * The run could not go on: the store could not be observed or planned, or a step failed under
   * {@link ErrorPolicy#STOP_AT_FIRST_ERROR}.
   */
  FAILED,
  /** {@link ExecutionHandle#cancel()} stopped the run. */
  CANCELLED,
  /** The run's deadline passed before the work was done. */
  DEADLINE_EXCEEDED
}
