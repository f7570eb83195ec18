package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.spi.Container;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A run's progress, as {@link ExecutionListener}s receive it. */
public sealed interface ExecutionEvent {

  /**
   * Returns when it happened, on the executor's clock.
   *
   * @return the instant
   */
  Instant at();

  /**
   * A step's array call was issued.
   *
   * @param at when
   * @param step the step
   * @param attempt the attempt, from 1
   */
  record StepStarted(Instant at, PlanStep step, int attempt) implements ExecutionEvent {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code attempt} is not positive
     */
    public StepStarted {
      requireNonNull(at, "at");
      requireNonNull(step, "step");
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be positive: " + attempt);
      }
    }
  }

  /**
   * A step finished.
   *
   * @param at when
   * @param step the step
   * @param container the container made; {@code null} for a deletion
   */
  record StepFinished(Instant at, PlanStep step, @Nullable Container container)
      implements ExecutionEvent {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if {@code at} or {@code step} is null
     */
    public StepFinished {
      requireNonNull(at, "at");
      requireNonNull(step, "step");
    }
  }

  /**
   * A step failed for good in this round (its retries are spent, its error is not retryable, or a
   * step it depends on failed).
   *
   * @param at when
   * @param step the step
   * @param why what went wrong
   * @param error the array's error, if there was one
   */
  record StepFailed(Instant at, PlanStep step, String why, @Nullable Throwable error)
      implements ExecutionEvent {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if {@code at}, {@code step} or {@code why} is null
     */
    public StepFailed {
      requireNonNull(at, "at");
      requireNonNull(step, "step");
      requireNonNull(why, "why");
    }
  }

  /**
   * A step's call failed and will be made again after a delay.
   *
   * @param at when
   * @param step the step
   * @param nextAttempt the attempt that follows, from 2
   * @param delay how long the run waits first
   * @param error the array's error
   */
  record StepRetried(Instant at, PlanStep step, int nextAttempt, Duration delay, Throwable error)
      implements ExecutionEvent {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code nextAttempt} is below 2
     */
    public StepRetried {
      requireNonNull(at, "at");
      requireNonNull(step, "step");
      requireNonNull(delay, "delay");
      requireNonNull(error, "error");
      if (nextAttempt < 2) {
        throw new IllegalArgumentException("nextAttempt must be at least 2: " + nextAttempt);
      }
    }
  }

  /**
   * The run ended; its result follows at once.
   *
   * @param at when
   * @param outcome how it ended
   * @param totals what it did
   */
  record RunFinished(Instant at, Outcome outcome, ExecutionTotals totals)
      implements ExecutionEvent {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public RunFinished {
      requireNonNull(at, "at");
      requireNonNull(outcome, "outcome");
      requireNonNull(totals, "totals");
    }
  }
}
