package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.execute.RunState.Phase;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rounds of a run (OBSERVING, then RUNNING, in turn): reads the array ({@link Observer}), has
 * the {@link RoundSource} plan the round, starts the {@link Dispatcher} on it, and once the round
 * has nothing in flight, ready or pending, observes again; after a stop it hands over to {@link
 * RunStop}, and when a round has nothing to do, to {@link RunCompletion}.
 */
final class RoundCycle {
  /** How many rounds in a row may end with nothing done before the run gives up. */
  static final int NO_PROGRESS_ROUND_LIMIT = 5;

  private final RunState state;
  private final Clock clock;
  private final ArrayCalls calls;
  private final Mailbox mailbox;
  private final Observer observer;
  private final RoundSource rounds;
  private final RunLedger ledger;
  private final Dispatcher dispatcher;
  private final RunStop stop;
  private final RunCompletion completion;
  private int noProgressRounds;

  RoundCycle(
      RunState state,
      Clock clock,
      ArrayCalls calls,
      Mailbox mailbox,
      Observer observer,
      RoundSource rounds,
      RunLedger ledger,
      Dispatcher dispatcher,
      RunStop stop,
      RunCompletion completion) {
    this.state = state;
    this.clock = clock;
    this.calls = calls;
    this.mailbox = mailbox;
    this.observer = observer;
    this.rounds = rounds;
    this.ledger = ledger;
    this.dispatcher = dispatcher;
    this.stop = stop;
    this.completion = completion;
  }

  /** Reads the array for the next round. */
  void observe() {
    state.enter(Phase.OBSERVING);
    observer.observe(() -> state.phase == Phase.OBSERVING && !state.stopping(), this::observed);
  }

  private void observed(@Nullable Observation observation, @Nullable Throwable error) {
    if (state.phase != Phase.OBSERVING) {
      return;
    }
    if (observation == null) {
      state.end.stopIfRunning(Outcome.FAILED,
          "could not observe " + calls.store() + ": " + FailureClassifier.describe(error), true);
      completion.finish();
      return;
    }
    state.end.observed(observation.inventory());
    if (state.stopping()) {
      stop.cleanUp(observation.inventory());
      return;
    }
    startRound(observation);
  }

  private void startRound(Observation observation) {
    ledger.roundStarted();
    Instant limit = state.deadlineAt;
    if (limit != null && !clock.instant().isBefore(limit)) {
      state.end.stopIfRunning(
          Outcome.DEADLINE_EXCEEDED, "the deadline of " + state.deadline + " passed", true);
      stop.cleanUp(observation.inventory());
      return;
    }
    // the last round's steps are not needed while the next is planned: let them go first
    state.end.graph = StepGraph.EMPTY;
    RoundSource.Planned planned = rounds.plan(observation);
    state.end.planned(planned);
    if (state.stopping() || planned.round() == null) {
      completion.finish();
      return;
    }
    Round r = planned.round();
    state.round = r;
    state.enter(Phase.RUNNING);
    dispatcher.start(r);
    settle();
  }

  /**
   * Ends the round once nothing is in flight: after a stop, goes on to clean up; else, unless a
   * step is ready, a copy is awaited or a retry is pending (and no re-plan was asked), observes for
   * the next round. Gives up after {@link #NO_PROGRESS_ROUND_LIMIT} rounds in a row that achieved
   * nothing.
   */
  void settle() {
    Round r = state.round;
    if (state.phase != Phase.RUNNING || r == null || calls.inFlight() > 0) {
      return;
    }
    if (state.stopping()) {
      stop.stopped();
      return;
    }
    if (calls.waiting() > 0) {
      return;
    }
    if (!r.replanRequested && (mailbox.pendingTimers() > 0 || r.hasReadyWork())) {
      return;
    }
    noProgressRounds = r.successes == 0 ? noProgressRounds + 1 : 0;
    if (noProgressRounds >= NO_PROGRESS_ROUND_LIMIT) {
      state.end.reason = "no progress in " + NO_PROGRESS_ROUND_LIMIT + " rounds in a row";
      completion.finish();
      return;
    }
    // nothing of the round is asked again but the steps a result may report: let the rest go
    // (the answer that ended the round may hold the round until the next observation is read)
    r.graph.roundEnded();
    r.view.clear();
    state.round = null;
    observe();
  }
}
