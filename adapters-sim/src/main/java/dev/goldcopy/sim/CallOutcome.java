package dev.goldcopy.sim;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.TransientArrayException;

/** How a call to the {@link SimulatedArray} was answered, as a {@link CallRecord} tells it. */
public enum CallOutcome {
  /** The stage completed normally. */
  SUCCEEDED,
  /** The array did the work but the answer was lost ({@link TransientArrayException}). */
  LOST_RESPONSE,
  /** {@link AccessDeniedException}. */
  ACCESS_DENIED,
  /** {@link ContainerNotFoundException}. */
  NOT_FOUND,
  /** {@link ConflictException}. */
  CONFLICT,
  /** {@link LimitReachedException}. */
  LIMIT_REACHED,
  /** {@link InsufficientCapacityException}. */
  INSUFFICIENT_CAPACITY,
  /** {@link BusyException}, injected or over a concurrency limit. */
  BUSY,
  /** {@link CopyFailedException}: the copy did not complete. */
  COPY_FAILED,
  /** {@link CopyAbortedException}: the copy was deleted while it was being made. */
  COPY_ABORTED;

  /**
   * Returns the outcome that a failure with {@code error} stands for.
   *
   * @param error the failure
   * @return its outcome
   */
  static CallOutcome of(ArrayException error) {
    if (error instanceof TransientArrayException) {
      return LOST_RESPONSE;
    }
    if (error instanceof AccessDeniedException) {
      return ACCESS_DENIED;
    }
    if (error instanceof ContainerNotFoundException) {
      return NOT_FOUND;
    }
    if (error instanceof ConflictException) {
      return CONFLICT;
    }
    if (error instanceof LimitReachedException) {
      return LIMIT_REACHED;
    }
    if (error instanceof InsufficientCapacityException) {
      return INSUFFICIENT_CAPACITY;
    }
    if (error instanceof BusyException) {
      return BUSY;
    }
    if (error instanceof CopyFailedException) {
      return COPY_FAILED;
    }
    if (error instanceof CopyAbortedException) {
      return COPY_ABORTED;
    }
    throw new IllegalArgumentException("error: the simulator never fails with " + error);
  }
}
