package dev.goldcopy.execute;

import java.util.concurrent.CompletableFuture;

/** A run in progress, started by {@link ReplicationExecutor#start}. */
public interface ExecutionHandle {

  /**
   * Returns the run's progress now. Safe to call from any thread at any time.
   *
   * @return the snapshot
   */
  ProgressSnapshot progress();

  /**
   * Asks the run to stop: it issues no more work, aborts the physical copies it has in flight (by
   * deleting them, so the stop does not wait for the size of the image), waits for the other calls
   * in flight, deletes the containers this run made that are not complete (and nothing else), and
   * finishes {@link Outcome#CANCELLED}. Does nothing if the run has already finished or is
   * stopping.
   */
  void cancel();

  /**
   * Returns the run's result, which completes when the run finishes. It completes normally for
   * every outcome, including failures; cancel the run with {@link #cancel()}, not through this
   * future. It completes exceptionally only if the run never started: with {@link
   * dev.goldcopy.spi.LeaseHeldException} when another writer held the store's lease longer than
   * the caller was willing to wait (nothing was read or changed), or with the error of a run that
   * broke.
   *
   * @return the future result
   */
  CompletableFuture<ExecutionResult> result();
}
