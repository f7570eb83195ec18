package dev.goldcopy.execute;

import dev.goldcopy.execute.RunState.Phase;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.spi.StoreRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the reconcile loop, as a state machine: NEW (take the store's lease), then OBSERVING
 * (read the array) and RUNNING (plan, then issue the round's steps) in turn until a round has
 * nothing left to do, then CLEANING (after a stop, delete what the run left half-made), FINISHING
 * (read the store once more, if it may have changed since the last read) and DONE (assemble the
 * result from that read, give the lease up).
 *
 * <p>This class is the run's handle and takes the lease; each phase is a stage of its own, sharing
 * the {@link RunState}: {@link RoundCycle} observes, plans and runs the rounds; {@link RunStop}
 * stops the run and cleans up; {@link RunCompletion} finishes it. Within a round, {@link LeaseKeeper}
 * holds the lease; {@link Observer} reads the array; a {@link RoundSource} makes the round's plan
 * (the planner, or an approved plan), which becomes a {@link Round}; {@link Dispatcher} issues its
 * steps within the limits, with {@link CopyWaits} for copies another run started and {@link
 * StepFailures} for what fails; {@link Retrier} retries every call; {@link RunLedger} keeps what
 * outlives a round; {@link CopyAborts} makes a stop prompt; {@link Cleanup} and {@link
 * ResultAssembler} end the run.
 *
 * <p>Every state change runs as a task of the run's {@link Mailbox}, so the run is single-threaded
 * whatever threads the adapter, the executor and the scheduler use. {@link #progress()} reads
 * volatile counters and may be called from anywhere.
 */
final class ExecutionRun implements ExecutionHandle, RunControl {
  /** How many rounds a step whose failure may pass (a conflict, a limit, spent retries) gets. */
  static final int REPEATABLE_FAILURE_LIMIT = 3;

  /** How many rounds in a row may end with nothing done before the run gives up. */
  static final int NO_PROGRESS_ROUND_LIMIT = RoundCycle.NO_PROGRESS_ROUND_LIMIT;

  private final Clock clock;
  private final StoreRef store;
  private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();

  private final Mailbox mailbox;
  private final RunState state;
  private final LeaseKeeper lease;
  private final ArrayCalls calls;
  private final Retrier retrier;
  private final RunLedger ledger = new RunLedger();
  private final RunCompletion completion;
  private final RunStop stopping;
  private final RoundCycle cycle;

  ExecutionRun(
      RunSettings config,
      StoreRef store,
      Demand demand,
      RoundSource.Maker roundSource) {
    this.clock = config.clock();
    this.store = store;
    Listeners listeners = new Listeners(config.listeners(), clock);
    this.mailbox = new Mailbox(config.executor(), config.scheduler(), this::broke);
    this.state = new RunState(mailbox, config.deadline());
    this.lease = config.leaseSettings().keeper(config, store, mailbox);
    this.calls = new ArrayCalls(config.adapter(), store, mailbox, lease::holds);
    this.retrier = new Retrier(config.retryPolicy(), mailbox);
    Observer observer = new Observer(calls, retrier);
    Stewardship stewardship = new Stewardship(config.policy(), demand);
    RoundSource rounds = roundSource.make(ledger, stewardship, calls, this);
    calls.gate(rounds.gate());
    Dispatcher dispatcher =
        new Dispatcher(calls, retrier, ledger, listeners, config.errorPolicy(), this, stewardship);
    CopyAborts aborts = new CopyAborts(calls, observer, retrier, stewardship, mailbox, this);
    Cleanup cleanup = new Cleanup(calls, observer, retrier, ledger);
    ResultAssembler assembler = new ResultAssembler(demand, ledger);
    this.completion = new RunCompletion(state, store, clock, calls, observer, lease, retrier,
        ledger, assembler, listeners, result);
    this.stopping = new RunStop(state, calls, ledger, aborts, cleanup, completion);
    this.cycle = new RoundCycle(state, clock, calls, mailbox, observer, rounds, ledger, dispatcher,
        stopping, completion);
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

  // ---------------------------------------------------------------- NEW: the lease

  void begin() {
    mailbox.post(
        () -> {
          Instant now = clock.instant();
          state.startedAt = now;
          Duration d = state.deadline;
          if (d != null) {
            state.deadlineAt = now.plus(d);
            mailbox.schedule(
                d, () -> stop(Outcome.DEADLINE_EXCEEDED, "the deadline of " + d + " passed"));
          }
          lease.acquire(
              () -> !state.stopping(),
              this::leased,
              this::notLeased,
              why -> stop(Outcome.FAILED, "lost the lease on " + store + ": " + why));
        });
  }

  private void leased() {
    if (state.ending()) {
      lease.release();
      return;
    }
    if (state.stopping()) {
      completion.finish();
      return;
    }
    cycle.observe();
  }

  private void notLeased(Throwable why) {
    if (state.ending()) {
      return;
    }
    if (state.stopping()) {
      completion.finish();
      return;
    }
    completion.notLeased(why);
  }

  // ---------------------------------------------------------------- what the stages ask

  @Override
  public boolean running() {
    return state.phase == Phase.RUNNING;
  }

  @Override
  public boolean stopping() {
    return state.stopping();
  }

  @Override
  public void stop(Outcome outcome, String reason) {
    stopping.stop(outcome, reason);
  }

  @Override
  public void drifted(List<Drift> drift) {
    stopping.drifted(drift);
  }

  @Override
  public void settle() {
    cycle.settle();
  }

  private void broke(Throwable e) {
    completion.broke(e);
  }
}
