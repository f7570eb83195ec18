package dev.goldcopy.temporal;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.CapabilitiesDto;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanCall;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.PlanResult;
import dev.goldcopy.temporal.wire.StepDto;
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreRequest;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.StoreResult.Status;
import dev.goldcopy.temporal.wire.Totals;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The store workflow. Deterministic: it reads the array only through activities, plans only
 * through the planning local activity, keeps its state in ordered collections, and takes time
 * from Temporal's timers. See the package description for the rules.
 */
final class StoreWorkflowImpl implements StoreWorkflow {
  private static final Logger LOG = Workflow.getLogger(StoreWorkflowImpl.class);

  private @Nullable StoreRequest request;
  private @Nullable DemandDto demand;
  private @Nullable DemandDto pendingDemand;
  private @Nullable PlanDto plan;
  private @Nullable StepRound round;
  private @Nullable CancellationScope scope;
  private @Nullable String stopReason;
  private RunLedger ledger = new RunLedger(dev.goldcopy.temporal.wire.Carry.empty());
  private StoreProgress.Phase phase = StoreProgress.Phase.OBSERVING;
  private List<String> leftInPlace = List.of();
  private List<String> held = List.of();

  StoreWorkflowImpl() {}

  @Override
  public StoreResult run(StoreRequest req) {
    request = req;
    demand = req.demand();
    ledger = new RunLedger(req.carry());
    StoreCalls calls = new StoreCalls(req, Workflow.getInfo().getWorkflowId());
    StoreResult[] out = new StoreResult[1];
    CancellationScope body = Workflow.newCancellationScope(() -> {
      out[0] = switch (req.mode()) {
        case PREVIEW -> preview(calls);
        case APPLY -> new ApplyLoop(this, calls).run();
        case CONVERGE -> converge(calls);
      };
    });
    scope = body;
    if (stopReason != null) {
      body.cancel(stopReason);
    }
    try {
      body.run();
    } catch (CanceledFailure e) {
      // The cancel signal cancelled the body, or Temporal cancelled the whole workflow: clean up
      // in a scope that neither reaches.
      Workflow.newDetachedCancellationScope(() -> out[0] = new Cleanup(this, calls).run()).run();
    }
    return java.util.Objects.requireNonNull(out[0], "result");
  }

  @Override
  public void cancel(String reason) {
    if (stopReason == null) {
      stopReason = reason;
      CancellationScope s = scope;
      if (s != null) {
        s.cancel(reason);
      }
    }
  }

  @Nullable String stopReason() {
    return stopReason;
  }

  @Override
  public void changeDemand(DemandDto newDemand) {
    StoreRequest r = request;
    if (r != null && r.mode() != StoreRequest.Mode.CONVERGE) {
      LOG.warn("demand change ignored: a {} run's input is fixed", r.mode());
      return;
    }
    pendingDemand = newDemand;
  }

  @Override
  public StoreProgress progress() {
    StepRound r = round;
    RoundCounts c = r == null ? new RoundCounts() : r.counts;
    DemandDto d = pendingDemand != null ? pendingDemand : demand;
    return new StoreProgress(phase, ledger.rounds, c.replicasDone, c.replicasPlanned,
        c.clonesDone, c.clonesPlanned, c.deletionsDone, c.deletionsPlanned,
        r == null ? 0 : r.inFlight(), d == null ? 0 : d.size(), ledger.demandChanges,
        ledger.totals());
  }

  @Override
  public @Nullable PlanDto currentPlan() {
    return plan;
  }

  // ------------------------------------------------------------------ converge

  private StoreResult converge(StoreCalls calls) {
    StoreRequest req = requireRequest();
    while (true) {
      takePendingDemand();
      ObservationDto obs = observe(calls);
      if (obs == null) {
        return failed("could not observe the store: its calls failed after their retries");
      }
      phase = StoreProgress.Phase.PLANNING;
      DemandDto d = currentDemand();
      calls.demand(d);
      PlanResult planned = calls.plan(new PlanCall(req.tenant(), req.store(), obs, d, req.policy()));
      CancellationScope.throwCanceled();
      PlanDto p = planned.plan();
      if (p == null) {
        return finish(Status.FAILED, "planning failed: " + planned.error(), obs, null);
      }
      plan = p;
      leftInPlace = planned.leftInPlace();
      held = planned.held();
      if (pendingDemand != null) {
        continue;
      }
      if (issuable(p.steps()) == 0) {
        return finish(null, null, obs, null);
      }
      ledger.rounds++;
      phase = StoreProgress.Phase.RUNNING;
      StepRound r = new StepRound(calls, ledger, false, () -> pendingDemand != null, obs);
      round = r;
      r.run(p.steps(), physicalCap(obs.capabilities()), virtualCap(obs.capabilities()));
      if (r.successes == 0 && pendingDemand == null) {
        ledger.noProgressRounds++;
      } else {
        ledger.noProgressRounds = 0;
      }
      if (ledger.noProgressRounds >= req.settings().noProgressRounds()) {
        ObservationDto last = observe(calls);
        return last == null
            ? failed("could not observe the store at the end")
            : finish(Status.PARTIAL, "no progress in " + ledger.noProgressRounds
                + " rounds in a row", last, null);
      }
      maybeContinueAsNew();
    }
  }

  private int issuable(List<StepDto> steps) {
    return StepNode.issuable(steps, ledger.permanentFailures);
  }

  private void takePendingDemand() {
    DemandDto d = pendingDemand;
    if (d != null) {
      demand = d;
      pendingDemand = null;
      ledger.demandChanges++;
      ledger.noProgressRounds = 0;
      ledger.failureCounts.clear();
      ledger.permanentFailures.clear();
    }
  }

  // ------------------------------------------------------------------ preview

  private StoreResult preview(StoreCalls calls) {
    StoreRequest req = requireRequest();
    ObservationDto obs = observe(calls);
    if (obs == null) {
      return failed("could not observe the store: its calls failed after their retries");
    }
    phase = StoreProgress.Phase.PLANNING;
    PlanResult planned = calls.plan(new PlanCall(req.tenant(), req.store(), obs,
        currentDemand(), req.policy()));
    CancellationScope.throwCanceled();
    PlanDto p = planned.plan();
    phase = StoreProgress.Phase.DONE;
    if (p == null) {
      return failed("planning failed: " + planned.error());
    }
    plan = p;
    ApprovedPlanDto approval = Approvals.approve(p, obs);
    return new StoreResult(Workflow.getInfo().getWorkflowId(), Status.PREVIEWED,
        "planned " + p.steps().size() + " step(s); approve and apply, or discard",
        List.of(), List.of(), p.shortfalls(), planned.leftInPlace(), ledger.totals(), p, approval);
  }

  // ------------------------------------------------------------------ shared with the loops

  /**
   * Lists the store. The call itself is never cancelled (see {@link StoreCalls}); in the run's
   * body, a cancel that came meanwhile is thrown here, and in the clean-up's scope it is not.
   */
  @Nullable ObservationDto observe(StoreCalls calls) {
    phase = StoreProgress.Phase.OBSERVING;
    ObservationDto obs;
    try {
      obs = calls.observe();
    } catch (ActivityFailure e) {
      LOG.warn("observation failed: {}", e.getMessage());
      obs = null;
    }
    CancellationScope.throwCanceled();
    return obs;
  }

  StoreResult failed(String reason) {
    phase = StoreProgress.Phase.DONE;
    PlanDto p = plan;
    return new StoreResult(Workflow.getInfo().getWorkflowId(), Status.FAILED, reason, List.of(),
        List.of(), p == null ? List.of() : p.shortfalls(), leftInPlace, ledger.totals(), p, null);
  }

  /**
   * Builds the result from the final observation. With a null status, the run ran to its end and
   * the status follows from what the array holds.
   */
  StoreResult finish(@Nullable Status status, @Nullable String reason, ObservationDto obs,
      @Nullable String stopped) {
    phase = StoreProgress.Phase.DONE;
    PlanDto p = plan;
    var vms = ResultAssembler.vms(currentDemand(), obs, p, ledger, stopped);
    List<String> undone = new ArrayList<>(held);
    StepRound r = round;
    if (r != null && p != null) {
      for (StepNode n : r.nodes()) {
        if (n.status != StepNode.Status.DONE) {
          undone.add(n.step.id() + ": " + (n.failure != null ? n.failure
              : stopped != null ? stopped : "not carried out"));
        }
      }
    }
    Status s = status;
    String why = reason;
    if (s == null) {
      boolean allServed = true;
      for (var v : vms) {
        if (v.container() == null) {
          allServed = false;
        }
      }
      boolean clean = allServed && held.isEmpty()
          && (p == null || p.shortfalls().isEmpty() && p.steps().isEmpty());
      s = clean ? Status.SUCCEEDED : Status.PARTIAL;
      why = clean ? "the store matches its demand"
          : "done what could be done: " + (p == null ? 0 : p.shortVms()) + " VM(s) short by a limit, "
              + undone.size() + " step(s) not carried out";
    }
    return new StoreResult(Workflow.getInfo().getWorkflowId(), s, why == null ? "" : why, vms,
        undone, p == null ? List.of() : p.shortfalls(), leftInPlace, ledger.totals(), p, null);
  }

  int physicalCap(CapabilitiesDto caps) {
    return cap(requireRequest().settings().maxConcurrentPhysicalCopies(),
        caps.maxConcurrentPhysicalCopies());
  }

  int virtualCap(CapabilitiesDto caps) {
    return cap(requireRequest().settings().maxConcurrentVirtualCopies(),
        caps.maxConcurrentVirtualCopies());
  }

  private static int cap(int caller, int declared) {
    int a = caller == 0 ? Integer.MAX_VALUE : caller;
    int b = ArrayCapabilities.isLimited(declared) ? declared : Integer.MAX_VALUE;
    return Math.min(a, b);
  }

  void maybeContinueAsNew() {
    StoreRequest req = requireRequest();
    var info = Workflow.getInfo();
    if (info.getHistoryLength() > req.settings().continueAsNewAfterEvents()
        || info.isContinueAsNewSuggested()) {
      takePendingDemand();
      Workflow.continueAsNew(req.continued(demand, ledger.carry()));
    }
  }

  StoreRequest requireRequest() {
    StoreRequest r = request;
    if (r == null) {
      throw new IllegalStateException("the workflow has not started");
    }
    return r;
  }

  DemandDto currentDemand() {
    DemandDto d = demand;
    return d != null ? d : new DemandDto(List.of());
  }

  RunLedger ledger() {
    return ledger;
  }

  @Nullable StepRound round() {
    return round;
  }

  void round(StepRound r) {
    round = r;
  }

  void plan(PlanDto p) {
    plan = p;
  }

  void phase(StoreProgress.Phase p) {
    phase = p;
  }

  Totals totals() {
    return ledger.totals();
  }
}
