package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.StoreRef;
import java.util.function.Function;

/**
 * Turns what a run observed into the next round: asks the planner for a plan, makes it a {@link
 * StepGraph}, marks the steps that failed for good in earlier rounds, and opens a {@link Round}
 * over the observed inventory with the round's limits, if any step can be issued.
 */
final class RoundPlanner implements RoundSource {

  private final Function<PlanningInput, ReplicationPlan> planner;
  private final StoreRef store;
  private final Demand demand;
  private final DeletionApproval approval;
  private final RunLedger ledger;
  private final int callerPhysicalCap;
  private final int callerVirtualCap;

  RoundPlanner(
      Function<PlanningInput, ReplicationPlan> planner,
      StoreRef store,
      Demand demand,
      DeletionApproval approval,
      RunLedger ledger,
      int callerPhysicalCap,
      int callerVirtualCap) {
    this.planner = planner;
    this.store = store;
    this.demand = demand;
    this.approval = approval;
    this.ledger = ledger;
    this.callerPhysicalCap = callerPhysicalCap;
    this.callerVirtualCap = callerVirtualCap;
  }

  @Override
  public Planned plan(Observation observation) {
    ReplicationPlan plan;
    try {
      plan =
          planner.apply(
              new PlanningInput(
                  store, observation.capabilities(), observation.inventory(), demand, approval));
    } catch (RuntimeException e) {
      return Planned.refused("planning failed: " + FailureClassifier.describe(e));
    }
    StepGraph graph = StepGraph.of(plan);
    ledger.planned(graph.replicas(), graph.clones(), graph.deletions());
    if (plan.steps().isEmpty()) {
      return Planned.nothingToDo(graph, plan.shortfalls());
    }
    return Planned.ready(
        graph, plan.shortfalls(), observation, ledger, callerPhysicalCap, callerVirtualCap);
  }
}
