package dev.goldcopy.execute;

import dev.goldcopy.execute.RunState.Phase;
import dev.goldcopy.spi.Inventory;
import java.util.List;

/**
 * How a run stops (cancel, deadline, a lost lease, the first error, drift) and cleans up (CLEANING):
 * no new call is issued, the run's copies in flight are aborted ({@link CopyAborts}), and once
 * the calls in flight have answered, what the run left half-made is deleted ({@link Cleanup})
 * before the run finishes.
 */
final class RunStop {
  private final RunState state;
  private final ArrayCalls calls;
  private final RunLedger ledger;
  private final CopyAborts aborts;
  private final Cleanup cleanup;
  private final RunCompletion completion;

  RunStop(
      RunState state,
      ArrayCalls calls,
      RunLedger ledger,
      CopyAborts aborts,
      Cleanup cleanup,
      RunCompletion completion) {
    this.state = state;
    this.calls = calls;
    this.ledger = ledger;
    this.aborts = aborts;
    this.cleanup = cleanup;
    this.completion = completion;
  }

  /**
   * The only way a run is stopped: no new call is issued, this run's copies in flight are aborted,
   * and once the calls in flight have answered the run cleans up. The first stop wins.
   */
  void stop(Outcome outcome, String reason) {
    stop(outcome, reason, true, true);
  }

  /**
   * Stops the run because the store drifted from its approved plan: nothing more is issued, and
   * the steps in flight, which the plan asked for, are let finish rather than aborted.
   */
  void drifted(List<Drift> drift) {
    if (state.stopping() || state.ending() || state.phase == Phase.CLEANING) {
      return;
    }
    state.end.drift = List.copyOf(drift);
    stop(Outcome.DRIFTED, RunEnd.driftReason(drift), false, false);
  }

  private void stop(Outcome outcome, String reason, boolean rerunHelps, boolean abortCopies) {
    if (state.stopping() || state.ending() || state.phase == Phase.CLEANING) {
      return;
    }
    state.end.stopIfRunning(outcome, reason, rerunHelps);
    Round r = state.round;
    if (calls.inFlight() == 0) {
      if (state.phase == Phase.RUNNING) {
        stopped();
      }
    } else if (abortCopies && state.phase == Phase.RUNNING && r != null) {
      aborts.abort(r);
    }
  }

  /** Runs once the calls in flight have returned after a stop: cleans up, then finishes. */
  void stopped() {
    if (state.phase == Phase.CLEANING || state.ending()) {
      return;
    }
    if (!ledger.hasSuspects()) {
      completion.finish();
      return;
    }
    state.enter(Phase.CLEANING);
    cleanup.listAndSweep(inventory -> { }, completion::finish);
  }

  /** Cleans up after a stop found on reading the store, {@code inventory}, then finishes. */
  void cleanUp(Inventory inventory) {
    state.enter(Phase.CLEANING);
    cleanup.sweep(inventory, completion::finish);
  }
}
