package dev.goldcopy.execute;

import dev.goldcopy.execute.RunState.Phase;
import dev.goldcopy.spi.StoreRef;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The end of a run (FINISHING, then DONE): reads the store once more unless the last read is
 * current, assembles the result from that read ({@link ResultAssembler}), tells the listeners of
 * the failures no later round mended and of the run's end, gives the lease up and completes the
 * result. Also ends a run that broke (a task threw) or never got its lease.
 */
final class RunCompletion {
  private static final System.Logger LOG = System.getLogger(ReplicationExecutor.class.getName());

  private final RunState state;
  private final StoreRef store;
  private final Clock clock;
  private final ArrayCalls calls;
  private final Observer observer;
  private final LeaseKeeper lease;
  private final Retrier retrier;
  private final RunLedger ledger;
  private final ResultAssembler assembler;
  private final Listeners listeners;
  private final CompletableFuture<ExecutionResult> result;

  RunCompletion(
      RunState state,
      StoreRef store,
      Clock clock,
      ArrayCalls calls,
      Observer observer,
      LeaseKeeper lease,
      Retrier retrier,
      RunLedger ledger,
      ResultAssembler assembler,
      Listeners listeners,
      CompletableFuture<ExecutionResult> result) {
    this.state = state;
    this.store = store;
    this.clock = clock;
    this.calls = calls;
    this.observer = observer;
    this.lease = lease;
    this.retrier = retrier;
    this.ledger = ledger;
    this.assembler = assembler;
    this.listeners = listeners;
    this.result = result;
  }

  /** Reads the store once more unless the last read is current, then completes the result. */
  void finish() {
    if (state.ending()) {
      return;
    }
    if (calls.currentInventory() != null || state.startedAt == null || calls.lastInventory() == null) {
      complete();
      return;
    }
    state.enter(Phase.FINISHING);
    observer.list((inventory, error) -> complete());
  }

  private void complete() {
    if (state.phase == Phase.DONE) {
      return;
    }
    state.enter(Phase.DONE);
    lease.release();
    Instant now = clock.instant();
    Instant started = state.startedAt;
    Duration elapsed = Duration.between(started == null ? now : started, now);
    ExecutionTotals totals = ledger.totals(retrier.retries(), calls.failures(), elapsed);
    ExecutionResult r =
        assembler.assemble(state.end, calls.currentInventory(), calls.lastInventory(), totals);
    for (RunLedger.Deferred d : ledger.deferred().values()) {
      listeners.stepFailed(d.step(), d.why(), d.error());
    }
    listeners.runFinished(now, r.outcome(), totals);
    result.complete(r);
  }

  /** The run could not take its lease: its result fails with {@code why}, nothing was changed. */
  void notLeased(Throwable why) {
    state.phase = Phase.DONE;
    result.completeExceptionally(why);
  }

  /** A task threw: the run is broken and fails; the timers already set still fire. */
  void broke(Throwable e) {
    LOG.log(Level.ERROR, "replication run on " + store + " broke", e);
    if (!result.isDone()) {
      state.phase = Phase.DONE;
      lease.release();
      result.completeExceptionally(e);
    }
  }
}
