package dev.goldcopy.temporal;

import dev.goldcopy.spi.ContainerState;
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

/**
 * After a cancel, in a detached scope: waits for the calls in flight to stop, lists the store,
 * deletes what this run asked the array to make and is not ready (a copy in progress is aborted by
 * its deletion, so this takes a bounded time whatever the image size), lists the store again and
 * reports every VM as the array has it. Deletes nothing else. Workflow code.
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
    StepRound r = wf.round();
    if (r != null) {
      r.settle();
    }
    RunLedger ledger = wf.ledger();
    dev.goldcopy.plan.OwnerId owner = wf.requireRequest().policy().ownerId();
    ObservationDto obs = wf.observe(calls);
    if (obs == null) {
      return wf.failed("cancelled, but the store could not be listed to clean up");
    }
    wf.phase(StoreProgress.Phase.CLEANING);
    List<Promise<StepDone>> deletions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StoreActivities deleter = calls.stub(StepDto.Kind.DELETE);
    for (ContainerDto c : obs.containers()) {
      if (c.state() != ContainerState.READY && ledger.suspects.contains(c.name())
          && WorkflowLabels.owns(c, owner)) {
        deletions.add(Async.function(deleter::delete, calls.delete(c.id())));
        names.add(c.name());
      }
    }
    List<String> leftover = new ArrayList<>();
    for (int i = 0; i < deletions.size(); i++) {
      try {
        deletions.get(i).get();
        ledger.cleanupDeletions++;
        ledger.suspects.remove(names.get(i));
      } catch (RuntimeException e) {
        leftover.add(names.get(i));
      }
    }
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
}
