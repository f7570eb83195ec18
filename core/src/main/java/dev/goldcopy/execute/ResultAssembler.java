package dev.goldcopy.execute;

import com.google.common.collect.ImmutableMap;
import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a run's {@link ExecutionResult}: the outcome, each demanded VM's outcome, the steps of the
 * last plan left undone, and the last plan's shortfalls. A VM is provisioned if this run made its
 * clone; else unmet if the plan said so; else as its step in the last plan ended; else already
 * there if the last inventory lists its clone ready; else failed or unfinished.
 */
final class ResultAssembler {
  private final Demand demand;
  private final RunLedger ledger;

  ResultAssembler(Demand demand, RunLedger ledger) {
    this.demand = demand;
    this.ledger = ledger;
  }

  /**
   * Assembles the result.
   *
   * @param stopOutcome how the run was stopped, or null if it ran its course
   * @param stopReason why it stopped, or null
   * @param shortfalls the last plan's shortfalls
   * @param graph the last plan's steps as they ended
   * @param inventory the last inventory read, or null
   * @param totals the run's totals
   * @return the result
   */
  ExecutionResult assemble(
      @Nullable Outcome stopOutcome,
      @Nullable String stopReason,
      List<Shortfall> shortfalls,
      StepGraph graph,
      @Nullable Inventory inventory,
      ExecutionTotals totals) {
    String stoppedBecause = stopReason == null ? "the run stopped" : stopReason;
    List<UndoneStep> undone = new ArrayList<>();
    for (StepNode n : graph.nodes()) {
      if (n.status != Status.DONE) {
        String why = n.status == Status.FAILED && n.failure != null ? n.failure : stoppedBecause;
        undone.add(new UndoneStep(n.step, why));
      }
    }
    Outcome outcome = stopOutcome;
    if (outcome == null) {
      outcome = undone.isEmpty() && shortfalls.isEmpty() ? Outcome.SUCCEEDED : Outcome.PARTIAL;
    }
    return new ExecutionResult(
        outcome, vmOutcomes(shortfalls, graph, inventory, stoppedBecause), undone, shortfalls, totals);
  }

  private Map<VmId, VmOutcome> vmOutcomes(
      List<Shortfall> shortfalls,
      StepGraph graph,
      @Nullable Inventory inventory,
      String stoppedBecause) {
    Map<VmId, Shortfall> shortVms = new HashMap<>();
    for (Shortfall s : shortfalls) {
      for (VmId vm : s.vms()) {
        shortVms.put(vm, s);
      }
    }
    Map<VmId, StepNode> lastClones = new HashMap<>();
    for (StepNode n : graph.nodes()) {
      if (n.step instanceof CreateClone c) {
        lastClones.put(c.vm(), n);
      }
    }
    List<CreateClone> made = ledger.madeClones();
    List<ContainerId> madeIds = ledger.madeCloneIds();
    Map<VmId, VmOutcome> provisioned = new HashMap<>(made.size() * 4 / 3 + 16);
    for (int i = 0; i < made.size(); i++) {
      CreateClone c = made.get(i);
      provisioned.put(c.vm(), new VmOutcome.Provisioned(madeIds.get(i), c.masterName()));
    }
    Listed listed = new Listed();
    if (inventory != null && provisioned.size() != demand.size()) {
      for (Container c : inventory.containers()) {
        listed.byName.put(c.name(), c);
        listed.byId.put(c.id(), c);
      }
    }
    ImmutableMap.Builder<VmId, VmOutcome> out = ImmutableMap.builderWithExpectedSize(demand.size());
    for (VmId vm : demand.vms().keySet()) {
      VmOutcome o = provisioned.get(vm);
      out.put(vm, o != null ? o : notMade(vm, shortVms, lastClones, listed, stoppedBecause));
    }
    return out.buildOrThrow();
  }

  /** The last inventory, indexed; empty when every VM was made by this run. */
  private static final class Listed {
    final Map<String, Container> byName = new HashMap<>();
    final Map<ContainerId, Container> byId = new HashMap<>();
  }

  private VmOutcome notMade(
      VmId vm,
      Map<VmId, Shortfall> shortVms,
      Map<VmId, StepNode> lastClones,
      Listed listed,
      String stoppedBecause) {
    Shortfall s = shortVms.get(vm);
    if (s != null) {
      return new VmOutcome.Unmet(s.limit(), s.reason());
    }
    StepNode n = lastClones.get(vm);
    if (n != null) {
      if (n.status == Status.FAILED && n.failure != null) {
        return new VmOutcome.Failed(n.failure);
      }
      return new VmOutcome.Unfinished(stoppedBecause);
    }
    Container clone = listed.byName.get(vm.value());
    ContainerId source = clone == null ? null : clone.source();
    if (clone != null && !clone.isMaster() && clone.isReady() && source != null) {
      Container master = listed.byId.get(source);
      String masterName = master == null ? source.value() : master.name();
      return new VmOutcome.AlreadyThere(clone.id(), masterName);
    }
    String failure = ledger.vmFailure(vm);
    if (failure != null) {
      return new VmOutcome.Failed(failure);
    }
    return new VmOutcome.Unfinished(stoppedBecause);
  }
}
