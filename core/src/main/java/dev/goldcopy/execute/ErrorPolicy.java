package dev.goldcopy.execute;

/** What a run does when a step fails for good (after its retries). */
public enum ErrorPolicy {
  /**
   * Fail that step and the steps that depend on it, and go on with independent work. The default.
   */
  CONTINUE,
  /**
   * Stop issuing new work at the first failed step, wait for the calls in flight, clean up what
   * this run left half-made, and finish {@link Outcome#FAILED}.
   */
  STOP_AT_FIRST_ERROR
}
