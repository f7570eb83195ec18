package dev.goldcopy.execute;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.internal.IdOrdinals;
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
 * Builds a run's {@link ExecutionResult} from the array as read at the end of the run, after the
 * clean-up. A VM the plan reported short is {@link VmOutcome.Unmet}; else, if the store holds its
 * ready clone, {@link VmOutcome.AlreadyThere} (the same container was there when the run began)
 * or {@link VmOutcome.Provisioned}; else {@link VmOutcome.Failed} when running again does not help
 * (the array refused for good, the planner refused, the store drifted from an approved plan) or
 * {@link VmOutcome.Unfinished} when it does. Only if the store could not be read at the end are
 * the run's own records used instead, and the reason says so.
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
   * @param end how the run ended and what it planned last
   * @param current the store read after the run's last change, or null if it could not be read
   * @param last the last inventory read at all, or null
   * @param totals the run's totals
   */
  ExecutionResult assemble(
      RunEnd end, @Nullable Inventory current, @Nullable Inventory last, ExecutionTotals totals) {
    String stoppedBecause = end.reason == null ? "the run stopped" : end.reason;
    List<UndoneStep> undone = new ArrayList<>();
    for (StepNode n : end.graph.nodes()) {
      if (n.status != Status.DONE) {
        String why = n.status == Status.FAILED && n.failure != null ? n.failure : stoppedBecause;
        undone.add(new UndoneStep(n.step, why));
      }
    }
    Inventory truth = current != null ? current : last;
    Map<VmId, VmOutcome> vms = vmOutcomes(end, truth, current != null, stoppedBecause);
    Outcome outcome = end.outcome;
    if (outcome == null) {
      outcome = outcomeOf(vms, undone);
    }
    String reason = end.reason != null ? end.reason : outcome.name().toLowerCase(java.util.Locale.ROOT);
    if (current == null && truth != null) {
      reason += " (the store could not be read after the run; outcomes from its last read and records)";
    }
    return new ExecutionResult(outcome, reason, vms, undone, end.shortfalls, end.drift, totals);
  }

  private static Outcome outcomeOf(Map<VmId, VmOutcome> vms, List<UndoneStep> undone) {
    boolean shortOnly = true;
    boolean allServed = true;
    for (VmOutcome o : vms.values()) {
      if (o instanceof VmOutcome.Unmet) {
        allServed = false;
      } else if (!(o instanceof VmOutcome.Provisioned || o instanceof VmOutcome.AlreadyThere)) {
        allServed = false;
        shortOnly = false;
      }
    }
    if (!undone.isEmpty() && !undone.stream().allMatch(u -> u.step() instanceof CreateClone)) {
      return Outcome.PARTIAL;
    }
    if (allServed) {
      return undone.isEmpty() ? Outcome.SUCCEEDED : Outcome.PARTIAL;
    }
    return shortOnly ? Outcome.SHORT : Outcome.PARTIAL;
  }

  private Map<VmId, VmOutcome> vmOutcomes(
      RunEnd end, @Nullable Inventory truth, boolean verified, String stoppedBecause) {
    Map<VmId, Shortfall> shortVms = new HashMap<>();
    for (Shortfall s : end.shortfalls) {
      for (VmId vm : s.vms()) {
        shortVms.put(vm, s);
      }
    }
    // the ids the run made are needed only when the store could not be read at all
    boolean useMade = !verified && truth == null;
    Map<VmId, ContainerId> made = new HashMap<>();
    Map<VmId, String> cloneNames = cloneNames(end, useMade ? made : null);
    Listing listing = new Listing(truth);
    Inventory before = end.first;
    List<VmId> demanded = demand.vms().keySet().asList();
    VmOutcome[] out = new VmOutcome[demanded.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = outcome(demanded.get(i), end, stoppedBecause, shortVms, made, cloneNames, listing,
          before, verified, truth);
    }
    return new VmOutcomeMap(demanded, demand.vms().comparator(), out);
  }

  private VmOutcome outcome(
      VmId vm,
      RunEnd end,
      String stoppedBecause,
      Map<VmId, Shortfall> shortVms,
      Map<VmId, ContainerId> made,
      Map<VmId, String> cloneNames,
      Listing listing,
      @Nullable Inventory before,
      boolean verified,
      @Nullable Inventory truth) {
    Shortfall s = shortVms.get(vm);
    if (s != null) {
      return new VmOutcome.Unmet(s.limit(), s.reason());
    }
    Container clone = listing.named(cloneNames.getOrDefault(vm, vm.value()));
    ContainerId source = clone == null ? null : clone.source();
    if (clone != null && !clone.isMaster() && clone.isReady() && source != null) {
      String masterName = listing.nameOf(source);
      return before != null && before.find(clone.id()).isPresent()
          ? new VmOutcome.AlreadyThere(clone.id(), masterName)
          : new VmOutcome.Provisioned(clone.id(), masterName);
    }
    ContainerId madeId = made.get(vm);
    if (!verified && truth == null && madeId != null) {
      return new VmOutcome.Provisioned(madeId, cloneNames.getOrDefault(vm, vm.value()));
    }
    return notServed(vm, end, stoppedBecause);
  }

  /**
   * The name of each VM's clone that is not the VM's id (as the last plan named it, or as the run
   * made it; the default, the VM's id, is not kept); fills {@code made}, if given, with the ids the
   * run made.
   */
  private Map<VmId, String> cloneNames(RunEnd end, @Nullable Map<VmId, ContainerId> made) {
    Map<VmId, String> cloneNames = new HashMap<>();
    for (StepNode n : end.graph.nodes()) {
      if (n.step instanceof CreateClone c) {
        noteName(cloneNames, c.vm(), c.name());
      }
    }
    List<VmId> madeVms = ledger.madeCloneVms();
    List<String> madeNames = ledger.madeCloneNames();
    List<ContainerId> madeIds = ledger.madeCloneIds();
    for (int i = 0; i < madeVms.size(); i++) {
      noteName(cloneNames, madeVms.get(i), madeNames.get(i));
      if (made != null) {
        made.put(madeVms.get(i), madeIds.get(i));
      }
    }
    return cloneNames;
  }

  /** Notes {@code vm}'s clone name; a later name replaces an earlier one, as in a plain map. */
  private static void noteName(Map<VmId, String> cloneNames, VmId vm, String name) {
    if (!name.equals(vm.value())) {
      cloneNames.put(vm, name);
    } else if (!cloneNames.isEmpty()) {
      cloneNames.remove(vm);
    }
  }

  /**
   * The store as read at the end, by name (the inventory's own index), and the names of the
   * masters clones come from. Masters are found by id through {@link IdOrdinals} (the clones of a
   * result, read in the demand's order, come round the masters in a cycle it learns); every clone
   * the planner makes comes from one. The source of any other clone is found by the inventory.
   */
  private static final class Listing {
    private final @Nullable Inventory truth;
    private final List<Container> masters = new ArrayList<>();
    private final IdOrdinals masterIds;

    Listing(@Nullable Inventory truth) {
      this.truth = truth;
      if (truth != null) {
        for (Container c : truth.containers()) {
          if (c.isMaster()) {
            masters.add(c);
          }
        }
      }
      this.masterIds = new IdOrdinals(masters);
    }

    @Nullable Container named(String name) {
      Inventory listed = truth;
      return listed == null ? null : listed.named(name);
    }

    /** The name of the container {@code source}, or its id if the store does not list it. */
    String nameOf(ContainerId source) {
      int m = masterIds.ordinal(source);
      if (m >= 0) {
        return masters.get(m).name();
      }
      Inventory listed = truth;
      Container container = listed == null ? null : listed.find(source).orElse(null);
      return container == null ? source.value() : container.name();
    }
  }

  private VmOutcome notServed(VmId vm, RunEnd end, String stoppedBecause) {
    String failure = ledger.vmFailure(vm);
    if (failure != null && ledger.vmShortOfCapacity(vm)) {
      // the array's free capacity binds, as a plan's shortfall would: a limit, not a failure
      return new VmOutcome.Unmet(Shortfall.Limit.CAPACITY, failure);
    }
    if (failure != null) {
      return ledger.vmFailedForGood(vm) || !end.rerunHelps
          ? new VmOutcome.Failed(failure)
          : new VmOutcome.Unfinished(failure);
    }
    if (end.outcome != null || end.reason != null) {
      return end.rerunHelps
          ? new VmOutcome.Unfinished(stoppedBecause)
          : new VmOutcome.Failed(stoppedBecause);
    }
    return new VmOutcome.Unfinished("no step of the last plan served it; running again plans it");
  }
}
