package dev.goldcopy.temporal;

import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.temporal.wire.ArrayCall;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.StepDone;
import dev.goldcopy.temporal.wire.StepDto;
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * After a cancel, in a detached scope: aborts the copies this run started by deleting them (a copy
 * in progress is aborted by its deletion, and its activity then ends at once, so this takes a
 * bounded time whatever the image size), waits for every call in flight to come back, lists the
 * store, deletes what this run asked the array to make and is not ready (a copy another attempt
 * started meanwhile, say), lists the store again and reports every VM as the array has it.
 * Deletes nothing else. Workflow code.
 *
 * <p>Temporal is never asked to cancel an activity (see {@link StoreCalls}): deleting the copy is
 * what stops it, on any server.
 */
final class Cleanup {
  private final StoreWorkflowImpl wf;
  private final StoreCalls calls;

  Cleanup(StoreWorkflowImpl wf, StoreCalls calls) {
    this.wf = wf;
    this.calls = calls;
  }

  StoreResult run() {
    wf.phase(StoreProgress.Phase.CLEANING);
    RunLedger ledger = wf.ledger();
    StepRound r = wf.round();
    if (r != null && r.inFlight() > 0) {
      ObservationDto during = wf.observe(calls);
      if (during != null) {
        // Still suspects: a copy's next attempt may make the name again before the calls settle.
        deleteHalfMade(during, ContainerState.COPYING, false);
      }
      wf.phase(StoreProgress.Phase.CLEANING);
      r.settle();
    }
    ObservationDto obs = wf.observe(calls);
    if (obs == null) {
      return wf.failed("cancelled, but the store could not be listed to clean up");
    }
    wf.phase(StoreProgress.Phase.CLEANING);
    List<String> leftover = deleteHalfMade(obs, null, true);
    ObservationDto after = wf.observe(calls);
    if (after == null) {
      return wf.failed("cancelled; cleaned " + ledger.cleanupDeletions
          + " half-made container(s), but the store could not be listed afterwards");
    }
    String why = wf.stopReason();
    String reason = "the run was cancelled" + (why == null ? "" : " (" + why + ")") + "; deleted "
        + ledger.cleanupDeletions
        + " container(s) it had half-made"
        + (leftover.isEmpty() ? "" : "; could not delete " + leftover);
    return wf.finish(StoreResult.Status.CANCELLED, reason, after, "the run was cancelled");
  }

  /**
   * Deletes, all at once, the containers of {@code obs} that this run asked for, that its owner
   * owns and that are not ready (only those in {@code state}, if given), and waits for the
   * deletions.
   *
   * @param settled whether the calls have settled, so that a deleted name is no longer a suspect
   * @return the names it could not delete
   */
  private List<String> deleteHalfMade(
      ObservationDto obs, @Nullable ContainerState state, boolean settled) {
    RunLedger ledger = wf.ledger();
    dev.goldcopy.plan.OwnerId owner = wf.requireRequest().policy().ownerId();
    List<Promise<StepDone>> deletions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StoreActivities deleter = calls.stub(StepDto.Kind.DELETE);
    for (ContainerDto c : obs.containers()) {
      if (c.state() != ContainerState.READY && (state == null || c.state() == state)
          && ledger.suspects.contains(c.name()) && WorkflowLabels.owns(c, owner)) {
        ArrayCall call = calls.delete(c.id());
        deletions.add(Async.function(deleter::delete, call));
        names.add(c.name());
      }
    }
    List<String> leftover = new ArrayList<>();
    for (int i = 0; i < deletions.size(); i++) {
      try {
        deletions.get(i).get();
        ledger.cleanupDeletions++;
        if (settled) {
          ledger.suspects.remove(names.get(i));
        }
      } catch (RuntimeException e) {
        leftover.add(names.get(i));
      }
    }
    return leftover;
  }
}
