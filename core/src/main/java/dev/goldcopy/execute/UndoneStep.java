package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.PlanStep;

/**
 * A step of the run's last plan that was not carried out, and why.
 *
 * @param step the step
 * @param why what stopped it: its error, the failed step it depends on, or why the run stopped
 */
public record UndoneStep(PlanStep step, String why) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public UndoneStep {
    requireNonNull(step, "step");
    requireNonNull(why, "why");
  }
}
