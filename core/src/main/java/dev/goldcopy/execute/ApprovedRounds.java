package dev.goldcopy.execute;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rounds of an approved plan: every round carries out the same plan, never another. Before a
 * round it checks the plan's preconditions against the observed store ({@link
 * PlanPreconditions}), and that nothing this run made for the plan has gone since ({@link
 * StepChecks#lost}); on drift the round does not run and the run ends {@link Outcome#DRIFTED}.
 * Within a round, each step is checked again just before it is issued ({@link StepChecks}, the
 * gate of the run's changes).
 * Steps whose work the store already shows (a container made as planned, a container deleted) are
 * done without a call, so a later round issues only what is left of the plan.
 */
final class ApprovedRounds implements RoundSource {
  private final ReplicationPlan plan;
  private final RunLedger ledger;
  private final int callerPhysicalCap;
  private final int callerVirtualCap;
  private final Stewardship stewardship;
  private final StepChecks checks;

  ApprovedRounds(
      ReplicationPlan plan,
      RunLedger ledger,
      Stewardship stewardship,
      StepChecks checks,
      int callerPhysicalCap,
      int callerVirtualCap) {
    this.plan = plan;
    this.checks = checks;
    this.stewardship = stewardship;
    this.ledger = ledger;
    this.callerPhysicalCap = callerPhysicalCap;
    this.callerVirtualCap = callerVirtualCap;
  }

  /**
   * Returns the VMs an approved plan serves: those it clones and those it reports short. Every one
   * is persistent; a plan's text does not say otherwise.
   */
  static Demand demandOf(ReplicationPlan plan) {
    Map<VmId, ContentId> vms = new HashMap<>();
    plan.steps().forEach(s -> {
      if (s instanceof CreateClone c) {
        vms.put(c.vm(), c.content());
      }
    });
    for (Shortfall s : plan.shortfalls()) {
      s.vms().forEach(vm -> vms.put(vm, s.content()));
    }
    return new Demand(ImmutableSortedMap.copyOf(vms), ImmutableSet.of(), ImmutableSet.of());
  }

  @Override
  public Planned plan(Observation observation) {
    List<Drift> drift = new ArrayList<>(checks.lost(observation.inventory()));
    drift.addAll(
        PlanPreconditions.check(
            plan, observation.capabilities(), observation.inventory(), stewardship::manages));
    if (!drift.isEmpty()) {
      return new Planned(null, drift, StepGraph.of(plan), plan.shortfalls(), null);
    }
    checks.observed(observation);
    StepGraph graph = StepGraph.of(plan);
    Map<String, Container> byName = new HashMap<>();
    Set<ContainerId> present = new HashSet<>();
    for (Container c : observation.inventory().containers()) {
      byName.put(c.name(), c);
      present.add(c.id());
    }
    int left = 0;
    for (StepNode n : graph.nodes()) {
      if (alreadyDone(n, byName, present, stewardship)) {
        graph.markDone(n);
      } else {
        left++;
      }
    }
    ledger.planned(graph.replicas(), graph.clones(), graph.deletions());
    if (left == 0) {
      return Planned.nothingToDo(graph, plan.shortfalls());
    }
    return Planned.ready(
        graph, plan.shortfalls(), observation, ledger, callerPhysicalCap, callerVirtualCap);
  }

  @Override
  public ArrayCalls.Gate gate() {
    return checks;
  }

  private static boolean alreadyDone(
      StepNode n, Map<String, Container> byName, Set<ContainerId> present, Stewardship stewardship) {
    if (n.step instanceof DeleteContainer d) {
      return !present.contains(d.container());
    }
    Container there = byName.get(n.key);
    return there != null && there.isReady() && stewardship.manages(there);
  }
}
