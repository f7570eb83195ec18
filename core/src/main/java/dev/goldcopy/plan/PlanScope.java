package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * What one plan's stages share: the policy and capabilities, the index, what the demand asks, the
 * deletions with the ledgers they credit, the findings, and the steps and accounts made so far.
 * Made once the store-wide stages have run; each group's planning adds to it.
 */
final class PlanScope {
  final PlanningPolicy policy;
  final ArrayCapabilities caps;
  final InventoryIndex index;
  final DemandClassifier.Result demand;
  final DeletionPlanner.Deletions deletions;
  /** The free capacity: every create draws on it, in plan order. */
  final CapacityLedger capacity;
  /** Inventory anomalies, in the order the stages find them. */
  final List<Finding> findings;
  final List<PlanStep> retirements = new ArrayList<>();
  final List<PlanStep> clones;
  final List<Shortfall> shortfalls = new ArrayList<>();
  final List<GroupSizing> sizing = new ArrayList<>();
  /** Each group's replicas to make, for the fan-out schedule. */
  final List<FanOutScheduler.GroupCopies> copies = new ArrayList<>();
  final ClonePlacer placer;

  PlanScope(
      PlanningPolicy policy,
      ArrayCapabilities caps,
      InventoryIndex index,
      DemandClassifier.Result demand,
      DeletionPlanner.Deletions deletions,
      List<Finding> findings) {
    this.policy = policy;
    this.caps = caps;
    this.index = index;
    this.demand = demand;
    this.deletions = deletions;
    this.capacity = deletions.capacity();
    this.findings = findings;
    int placing = 0;
    for (DemandClassifier.ContentDemand d : demand.byContent().values()) {
      placing += d.toPlace.size();
    }
    this.clones = new ArrayList<>(placing);
    this.placer =
        new ClonePlacer(policy, capacity, deletions.arrayTotal(), demand.oldDelete(), clones);
  }
}
