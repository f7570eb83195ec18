package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One run of the reconcile loop, as a state machine: NEW, then OBSERVING (read the array) and
 * RUNNING (plan, then issue the round's steps) in turn until a round has nothing left to do, then
 * CLEANING (after a stop, delete what the run left half-made) and DONE (assemble the result).
 *
 * <p>The stages, each in its own class: {@link Observer} reads the array; the planner makes the
 * round's plan, which becomes a {@link Round} (a {@link StepGraph} and an {@link ArrayView});
 * {@link Dispatcher} issues its steps within the limits, with {@link CopyWaits} for copies another
 * run started and {@link StepFailures} for what fails; {@link Retrier} retries every call; {@link
 * RunLedger} keeps what outlives a round; {@link Cleanup} and {@link ResultAssembler} end the run.
 *
 * <p>Every state change runs as a task of the run's {@link Mailbox}, so the run is single-threaded
 * whatever threads the adapter, the executor and the scheduler use. {@link #progress()} reads
 * volatile counters and may be called from anywhere.
 */
final class ExecutionRun implements ExecutionHandle, RunControl {
  private static final System.Logger LOG = System.getLogger(ReplicationExecutor.class.getName());

  /** How many rounds a step whose failure may pass (a conflict, a limit, spent retries) gets. */
  static final int REPEATABLE_FAILURE_LIMIT = 3;

  /** How many rounds in a row may end with nothing done before the run gives up. */
  static final int NO_PROGRESS_ROUND_LIMIT = 5;

  private enum Phase {
    NEW,
    OBSERVING,
    RUNNING,
    CLEANING,
    DONE
  }

  private final Clock clock;
  private final @Nullable Duration deadline;
  private final StoreRef store;
  private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();

  private final Listeners listeners;
  private final Mailbox mailbox;
  private final ArrayCalls calls;
  private final Retrier retrier;
  private final Observer observer;
  private final RoundPlanner planner;
  private final RunLedger ledger = new RunLedger();
  private final Dispatcher dispatcher;
  private final Cleanup cleanup;
  private final ResultAssembler assembler;

  // Touched by mailbox tasks only.
  private Phase phase = Phase.NEW;
  private @Nullable Instant startedAt;
  private @Nullable Instant deadlineAt;
  private @Nullable Outcome stopOutcome;
  private @Nullable String stopReason;
  private @Nullable Round round;
  private StepGraph lastGraph = StepGraph.EMPTY;
  private List<Shortfall> lastShortfalls = List.of();
  private @Nullable Inventory lastInventory;
  private int noProgressRounds;

  ExecutionRun(ReplicationExecutor config, StoreRef store, Demand demand, DeletionApproval approval) {
    this.clock = config.clock();
    this.deadline = config.deadline();
    this.store = store;
    this.listeners = new Listeners(config.listeners(), clock);
    this.mailbox = new Mailbox(config.executor(), config.scheduler(), this::broke);
    this.calls = new ArrayCalls(config.adapter(), store, mailbox);
    this.retrier = new Retrier(config.retryPolicy(), mailbox);
    this.observer = new Observer(calls, retrier);
    this.planner =
        new RoundPlanner(
            config.planner(),
            store,
            demand,
            approval,
            ledger,
            config.maxConcurrentPhysicalCopies(),
            config.maxConcurrentVirtualCopies());
    this.dispatcher =
        new Dispatcher(
            calls, retrier, ledger, listeners, config.errorPolicy(), this,
            new Stewardship(config.policy(), demand));
    this.cleanup = new Cleanup(calls, observer, retrier, ledger);
    this.assembler = new ResultAssembler(demand, ledger);
  }

  // ---------------------------------------------------------------- the handle

  @Override
  public ProgressSnapshot progress() {
    return ledger.progress(retrier.retries(), calls.inFlight());
  }

  @Override
  public void cancel() {
    mailbox.post(() -> stop(Outcome.CANCELLED, "the run was cancelled"));
  }

  @Override
  public CompletableFuture<ExecutionResult> result() {
    return result;
  }

  /**
   * Abandons the run as if its process had died: from now on it ignores every callback and timer,
   * issues nothing and never completes. For tests of crash and resume.
   */
  void abandon() {
    mailbox.abandon();
  }

  void begin() {
    mailbox.post(
        () -> {
          Instant now = clock.instant();
          startedAt = now;
          Duration d = deadline;
          if (d != null) {
            deadlineAt = now.plus(d);
            mailbox.schedule(
                d, () -> stop(Outcome.DEADLINE_EXCEEDED, "the deadline of " + d + " passed"));
          }
          observe();
        });
  }

  // ---------------------------------------------------------------- the phases

  /** Moves to {@code next}; the timers of the phase left behind do nothing when they fire. */
  private void enter(Phase next) {
    phase = next;
    mailbox.newEpoch();
  }

  private void observe() {
    enter(Phase.OBSERVING);
    observer.observe(() -> phase == Phase.OBSERVING && stopOutcome == null, this::observed);
  }

  private void observed(@Nullable Observation observation, @Nullable Throwable error) {
    if (phase != Phase.OBSERVING) {
      return;
    }
    if (observation == null) {
      if (stopOutcome == null) {
        stopOutcome = Outcome.FAILED;
        stopReason = "could not observe " + store + ": " + FailureClassifier.describe(error);
      }
      finish();
      return;
    }
    lastInventory = observation.inventory();
    if (stopOutcome != null) {
      cleanUp(observation.inventory());
      return;
    }
    startRound(observation);
  }

  private void startRound(Observation observation) {
    ledger.roundStarted();
    Instant limit = deadlineAt;
    if (limit != null && !clock.instant().isBefore(limit)) {
      stopOutcome = Outcome.DEADLINE_EXCEEDED;
      stopReason = "the deadline of " + deadline + " passed";
      cleanUp(observation.inventory());
      return;
    }
    RoundPlanner.Planned planned = planner.plan(observation);
    String refusal = planned.refusal();
    if (refusal != null) {
      stopOutcome = Outcome.FAILED;
      stopReason = refusal;
      finish();
      return;
    }
    lastGraph = planned.graph();
    lastShortfalls = planned.shortfalls();
    Round r = planned.round();
    if (r == null) {
      finish();
      return;
    }
    round = r;
    enter(Phase.RUNNING);
    dispatcher.start(r);
    settle();
  }

  @Override
  public boolean running() {
    return phase == Phase.RUNNING;
  }

  @Override
  public boolean stopping() {
    return stopOutcome != null;
  }

  /**
   * Ends the round once nothing is in flight: after a stop, goes on to clean up; else, unless a
   * step is ready or a retry is pending (and no re-plan was asked), observes for the next round.
   * Gives up after {@link #NO_PROGRESS_ROUND_LIMIT} rounds in a row that achieved nothing.
   */
  @Override
  public void settle() {
    Round r = round;
    if (phase != Phase.RUNNING || r == null || calls.inFlight() > 0) {
      return;
    }
    if (stopOutcome != null) {
      stopped();
      return;
    }
    if (!r.replanRequested && (mailbox.pendingTimers() > 0 || r.hasReadyWork())) {
      return;
    }
    noProgressRounds = r.successes == 0 ? noProgressRounds + 1 : 0;
    if (noProgressRounds >= NO_PROGRESS_ROUND_LIMIT) {
      stopReason = "no progress in " + NO_PROGRESS_ROUND_LIMIT + " rounds in a row";
      finish();
      return;
    }
    observe();
  }

  // ---------------------------------------------------------------- stopping

  /** The only way a run is stopped; it goes on once the calls in flight have answered. */
  @Override
  public void stop(Outcome outcome, String reason) {
    if (stopOutcome != null || phase == Phase.DONE || phase == Phase.CLEANING) {
      return;
    }
    stopOutcome = outcome;
    stopReason = reason;
    if (calls.inFlight() == 0) {
      stopped();
    }
  }

  /** Runs once the calls in flight have returned after a stop. */
  private void stopped() {
    if (phase == Phase.CLEANING || phase == Phase.DONE) {
      return;
    }
    if (!ledger.hasSuspects()) {
      finish();
      return;
    }
    enter(Phase.CLEANING);
    cleanup.listAndSweep(inventory -> lastInventory = inventory, this::finish);
  }

  private void cleanUp(Inventory inventory) {
    enter(Phase.CLEANING);
    cleanup.sweep(inventory, this::finish);
  }

  // ---------------------------------------------------------------- finishing

  private void finish() {
    if (phase == Phase.DONE) {
      return;
    }
    enter(Phase.DONE);
    Instant now = clock.instant();
    Duration elapsed = Duration.between(startedAt == null ? now : startedAt, now);
    ExecutionTotals totals =
        ledger.totals(retrier.retries(), calls.failures(), elapsed);
    ExecutionResult r =
        assembler.assemble(
            stopOutcome, stopReason, lastShortfalls, lastGraph, lastInventory, totals);
    listeners.runFinished(now, r.outcome(), totals);
    result.complete(r);
  }

  /** A task threw: the run is broken and fails; the timers already set still fire. */
  private void broke(RuntimeException e) {
    LOG.log(Level.ERROR, "replication run on " + store + " broke", e);
    if (!result.isDone()) {
      phase = Phase.DONE;
      result.completeExceptionally(e);
    }
  }
}
