package dev.goldcopy.roll;

import dev.goldcopy.execute.ExecutionHandle;
import dev.goldcopy.execute.ExecutionResult;

/** Hears a roll's progress, on the runner's thread. Every method does nothing unless overridden. */
public interface RollListener {

  /**
   * A batch started.
   *
   * @param batch the batch
   * @param run its executor run, for progress
   */
  default void batchStarted(RollBatch batch, ExecutionHandle run) {}

  /**
   * A batch ended.
   *
   * @param batch the batch
   * @param result its executor result
   * @param succeeded whether every VM of the batch runs on the target version
   */
  default void batchEnded(RollBatch batch, ExecutionResult result, boolean succeeded) {}
}
