package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

/**
 * A way the store no longer matches what an approved plan assumed, found before the plan's step
 * acted: the store was changed by someone else after the plan was made. The caller plans again
 * and approves the new plan.
 *
 * @param stepId the plan step whose precondition does not hold, or {@code "plan"} for the plan as
 *     a whole (a limit or the free capacity)
 * @param container the name of the container concerned
 * @param expected what the plan assumed
 * @param found what the store shows instead
 */
public record Drift(String stepId, String container, String expected, String found) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public Drift {
    requireNonNull(stepId, "stepId");
    requireNonNull(container, "container");
    requireNonNull(expected, "expected");
    requireNonNull(found, "found");
  }

  /** Returns the drift in one line: the step, the container, what was expected and what is found. */
  @Override
  public String toString() {
    return "step " + stepId + " (" + container + "): expected " + expected + ", found " + found;
  }
}
