package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.ExecutionResult;
import java.util.List;
import java.util.Optional;

/**
 * How a roll ended.
 *
 * @param completed the batches done, in order, each with its executor result
 * @param failedBatch the batch that failed, or -1 when none did
 * @param failure the failed batch's executor result, if one failed
 * @param released the replicas of older versions released at the end (names)
 * @param note what happened and, after a stop, how to go on: resume or roll back
 */
public record RollResult(
    List<ExecutionResult> completed,
    int failedBatch,
    Optional<ExecutionResult> failure,
    List<String> released,
    String note) {

  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public RollResult {
    completed = List.copyOf(completed);
    requireNonNull(failure, "failure");
    released = List.copyOf(released);
    requireNonNull(note, "note");
  }

  /**
   * Returns whether every batch was done.
   *
   * @return true if no batch failed
   */
  public boolean succeeded() {
    return failedBatch < 0;
  }
}
