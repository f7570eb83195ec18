package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * One run of the reconcile loop, as a state machine: NEW (take the store's lease), then OBSERVING
 * (read the array) and RUNNING (plan, then issue the round's steps) in turn until a round has
 * nothing left to do, then CLEANING (after a stop, delete what the run left half-made), FINISHING
 * (read the store once more, if it may have changed since the last read) and DONE (assemble the
 * result from that read, give the lease up).
 *
 * <p>The stages, each in its own class: {@link LeaseKeeper} holds the lease; {@link Observer}
 * reads the array; a {@link RoundSource} makes the round's plan (the planner, or an approved plan),
 * which becomes a {@link Round}; {@link Dispatcher} issues its steps within the limits, with
 * {@link CopyWaits} for copies another run started and {@link StepFailures} for what fails; {@link
 * Retrier} retries every call; {@link RunLedger} keeps what outlives a round; {@link CopyAborts}
 * makes a stop prompt; {@link Cleanup} and {@link ResultAssembler} end the run.
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
    FINISHING,
    DONE
  }

  private final Clock clock;
  private final @Nullable Duration deadline;
  private final StoreRef store;
  private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();

  private final Listeners listeners;
  private final Mailbox mailbox;
  private final LeaseKeeper lease;
  private final ArrayCalls calls;
  private final Retrier retrier;
  private final Observer observer;
  private final RoundSource rounds;
  private final RunLedger ledger = new RunLedger();
  private final Dispatcher dispatcher;
  private final CopyAborts aborts;
  private final Cleanup cleanup;
  private final ResultAssembler assembler;

  // Touched by mailbox tasks only.
  private Phase phase = Phase.NEW;
  private @Nullable Instant startedAt;
  private @Nullable Instant deadlineAt;
  private final RunEnd end = new RunEnd();
  private @Nullable Round round;
  private int noProgressRounds;

  ExecutionRun(
      ReplicationExecutor config,
      StoreRef store,
      Demand demand,
      BiFunction<RunLedger, Stewardship, RoundSource> roundSource) {
    this.clock = config.clock();
    this.deadline = config.deadline();
    this.store = store;
    this.listeners = new Listeners(config.listeners(), clock);
    this.mailbox = new Mailbox(config.executor(), config.scheduler(), this::broke);
    this.lease = config.leaseSettings().keeper(config, store, mailbox);
    this.calls = new ArrayCalls(config.adapter(), store, mailbox, lease::holds);
    this.retrier = new Retrier(config.retryPolicy(), mailbox);
    this.observer = new Observer(calls, retrier);
    Stewardship stewardship = new Stewardship(config.policy(), demand);
    this.rounds = roundSource.apply(ledger, stewardship);
    this.dispatcher =
        new Dispatcher(calls, retrier, ledger, listeners, config.errorPolicy(), this, stewardship);
    this.aborts = new CopyAborts(calls, observer, retrier, stewardship, mailbox, this);
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
   * issues nothing, never completes and never gives its lease up (the lease expires). For tests of
   * crash and resume.
   */
  void abandon() {
    mailbox.abandon();
  }

  /** Returns how many changes this run has asked the array for; for tests of crashes. */
  int changesIssued() {
    return calls.changes();
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
          lease.acquire(
              () -> end.outcome == null,
              this::leased,
              this::notLeased,
              why -> stop(Outcome.FAILED, "lost the lease on " + store + ": " + why));
        });
  }

  private void leased() {
    if (phase == Phase.DONE || phase == Phase.FINISHING) {
      lease.release();
      return;
    }
    if (end.outcome != null) {
      finish();
      return;
    }
    observe();
  }

  private void notLeased(Throwable why) {
    if (phase == Phase.DONE || phase == Phase.FINISHING) {
      return;
    }
    if (end.outcome != null) {
      finish();
      return;
    }
    phase = Phase.DONE;
    result.completeExceptionally(why);
  }

  // ---------------------------------------------------------------- the phases

  /** Moves to {@code next}; the timers of the phase left behind do nothing when they fire. */
  private void enter(Phase next) {
    phase = next;
    mailbox.newEpoch();
  }

  private void observe() {
    enter(Phase.OBSERVING);
    observer.observe(() -> phase == Phase.OBSERVING && end.outcome == null, this::observed);
  }

  private void observed(@Nullable Observation observation, @Nullable Throwable error) {
    if (phase != Phase.OBSERVING) {
      return;
    }
    if (observation == null) {
      end.stopIfRunning(Outcome.FAILED,
          "could not observe " + store + ": " + FailureClassifier.describe(error), true);
      finish();
      return;
    }
    end.observed(observation.inventory());
    if (end.outcome != null) {
      cleanUp(observation.inventory());
      return;
    }
    startRound(observation);
  }

  private void startRound(Observation observation) {
    ledger.roundStarted();
    Instant limit = deadlineAt;
    if (limit != null && !clock.instant().isBefore(limit)) {
      end.stopIfRunning(Outcome.DEADLINE_EXCEEDED, "the deadline of " + deadline + " passed", true);
      cleanUp(observation.inventory());
      return;
    }
    RoundSource.Planned planned = rounds.plan(observation);
    end.planned(planned);
    if (end.outcome != null || planned.round() == null) {
      finish();
      return;
    }
    Round r = planned.round();
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
    return end.outcome != null;
  }

  /**
   * Ends the round once nothing is in flight: after a stop, goes on to clean up; else, unless a
   * step is ready, a copy is awaited or a retry is pending (and no re-plan was asked), observes for
   * the next round. Gives up after {@link #NO_PROGRESS_ROUND_LIMIT} rounds in a row that achieved
   * nothing.
   */
  @Override
  public void settle() {
    Round r = round;
    if (phase != Phase.RUNNING || r == null || calls.inFlight() > 0) {
      return;
    }
    if (end.outcome != null) {
      stopped();
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
      end.reason = "no progress in " + NO_PROGRESS_ROUND_LIMIT + " rounds in a row";
      finish();
      return;
    }
    observe();
  }

  // ---------------------------------------------------------------- stopping

  /**
   * The only way a run is stopped: no new call is issued, this run's copies in flight are aborted,
   * and once the calls in flight have answered the run cleans up.
   */
  @Override
  public void stop(Outcome outcome, String reason) {
    if (end.outcome != null || phase == Phase.DONE || phase == Phase.CLEANING
        || phase == Phase.FINISHING) {
      return;
    }
    end.stopIfRunning(outcome, reason, true);
    Round r = round;
    if (calls.inFlight() == 0) {
      if (phase == Phase.RUNNING) {
        stopped();
      }
    } else if (phase == Phase.RUNNING && r != null) {
      aborts.abort(r);
    }
  }

  /** Runs once the calls in flight have returned after a stop. */
  private void stopped() {
    if (phase == Phase.CLEANING || phase == Phase.DONE || phase == Phase.FINISHING) {
      return;
    }
    if (!ledger.hasSuspects()) {
      finish();
      return;
    }
    enter(Phase.CLEANING);
    cleanup.listAndSweep(inventory -> { }, this::finish);
  }

  private void cleanUp(Inventory inventory) {
    enter(Phase.CLEANING);
    cleanup.sweep(inventory, this::finish);
  }

  // ---------------------------------------------------------------- finishing

  /** Reads the store once more unless the last read is current, then completes the result. */
  private void finish() {
    if (phase == Phase.DONE || phase == Phase.FINISHING) {
      return;
    }
    if (calls.currentInventory() != null || startedAt == null || calls.lastInventory() == null) {
      complete();
      return;
    }
    enter(Phase.FINISHING);
    observer.list((inventory, error) -> complete());
  }

  private void complete() {
    if (phase == Phase.DONE) {
      return;
    }
    enter(Phase.DONE);
    lease.release();
    Instant now = clock.instant();
    Duration elapsed = Duration.between(startedAt == null ? now : startedAt, now);
    ExecutionTotals totals = ledger.totals(retrier.retries(), calls.failures(), elapsed);
    ExecutionResult r = assembler.assemble(end, calls.currentInventory(), calls.lastInventory(), totals);
    for (RunLedger.Deferred d : ledger.deferred().values()) {
      listeners.stepFailed(d.step(), d.why(), d.error());
    }
    listeners.runFinished(now, r.outcome(), totals);
    result.complete(r);
  }

  /** A task threw: the run is broken and fails; the timers already set still fire. */
  private void broke(RuntimeException e) {
    LOG.log(Level.ERROR, "replication run on " + store + " broke", e);
    if (!result.isDone()) {
      phase = Phase.DONE;
      lease.release();
      result.completeExceptionally(e);
    }
  }
}
