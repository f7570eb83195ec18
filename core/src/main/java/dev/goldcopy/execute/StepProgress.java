package dev.goldcopy.execute;

/**
 * Progress of one kind of step.
 *
 * @param done steps of this kind finished so far in the run
 * @param total steps finished plus those the current plan still holds; grows if a later plan adds
 *     work
 */
public record StepProgress(int done, int total) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException naming the field if a count is negative or {@code done}
   *     exceeds {@code total}
   */
  public StepProgress {
    if (done < 0) {
      throw new IllegalArgumentException("done must not be negative: " + done);
    }
    if (total < done) {
      throw new IllegalArgumentException("total (" + total + ") must be at least done (" + done + ")");
    }
  }
}
