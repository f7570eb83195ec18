package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.StepDto;
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.StoreResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies an approved plan: observes, checks the preconditions of the steps left against the
 * store (with the effect of the steps done so far), carries out exactly those steps, and stops with
 * the difference as soon as the store has drifted. A step that fails because the array's picture
 * changed (a conflict, a missing source, a limit, a failed copy) makes it observe and check again
 * before anything else is issued. It never plans. Workflow code.
 */
final class ApplyLoop {
  private final StoreWorkflowImpl wf;
  private final StoreCalls calls;

  ApplyLoop(StoreWorkflowImpl wf, StoreCalls calls) {
    this.wf = wf;
    this.calls = calls;
  }

  StoreResult run() {
    ApprovedPlanDto approved = Objects.requireNonNull(wf.requireRequest().approved(), "approved");
    wf.plan(approved.plan());
    RunLedger ledger = wf.ledger();
    while (true) {
      ObservationDto obs = wf.observe(calls);
      if (obs == null) {
        return wf.failed("could not observe the store: its calls failed after their retries");
      }
      String drift = DriftCheck.drift(approved, ledger.doneSteps, obs);
      if (drift != null) {
        return wf.finish(Status.DRIFTED, "the store drifted since the plan was approved: " + drift
            + "; plan again and approve the new plan", obs, "the store drifted: " + drift);
      }
      List<StepDto> remaining = new ArrayList<>();
      for (StepDto s : approved.plan().steps()) {
        if (!ledger.doneSteps.contains(s.id())) {
          remaining.add(s);
        }
      }
      if (remaining.isEmpty()) {
        return wf.finish(Status.SUCCEEDED, "the approved plan is carried out ("
            + approved.plan().steps().size() + " step(s))", obs, null);
      }
      ledger.rounds++;
      wf.phase(StoreProgress.Phase.RUNNING);
      StepRound r = new StepRound(calls, ledger, true, () -> false, obs);
      wf.round(r);
      r.run(remaining, wf.physicalCap(obs.capabilities()), wf.virtualCap(obs.capabilities()));
      if (r.pictureChange == null && r.successes == 0) {
        ObservationDto last = wf.observe(calls);
        return last == null
            ? wf.failed("could not observe the store at the end")
            : wf.finish(Status.PARTIAL, "steps of the approved plan failed", last, null);
      }
      wf.maybeContinueAsNew();
    }
  }
}
