package dev.goldcopy.execute;

import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.spi.Container;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tells a run's listeners what happened. A listener that throws is logged and the others still
 * hear the event. The step events are not even built when no one listens.
 */
final class Listeners {
  private static final System.Logger LOG = System.getLogger(ReplicationExecutor.class.getName());

  private final List<ExecutionListener> listeners;
  private final boolean any;
  private final Clock clock;

  Listeners(List<ExecutionListener> listeners, Clock clock) {
    this.listeners = listeners;
    this.any = !listeners.isEmpty();
    this.clock = clock;
  }

  void stepStarted(PlanStep step, int attempt) {
    if (any) {
      emit(new ExecutionEvent.StepStarted(clock.instant(), step, attempt));
    }
  }

  void stepFinished(PlanStep step, @Nullable Container made) {
    if (any) {
      emit(new ExecutionEvent.StepFinished(clock.instant(), step, made));
    }
  }

  void stepRetried(PlanStep step, int nextAttempt, Duration delay, Throwable error) {
    if (any) {
      emit(new ExecutionEvent.StepRetried(clock.instant(), step, nextAttempt, delay, error));
    }
  }

  void stepFailed(PlanStep step, String why, @Nullable Throwable error) {
    if (any) {
      emit(new ExecutionEvent.StepFailed(clock.instant(), step, why, error));
    }
  }

  void runFinished(Instant at, Outcome outcome, ExecutionTotals totals) {
    emit(new ExecutionEvent.RunFinished(at, outcome, totals));
  }

  private void emit(ExecutionEvent event) {
    for (ExecutionListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "an execution listener threw; the run goes on", e);
      }
    }
  }
}
