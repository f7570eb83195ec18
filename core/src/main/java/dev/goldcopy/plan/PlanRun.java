package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One call of {@link ContainerReplicationPlanner#plan}: checks the store, runs the stages in
 * order, and assembles the steps in their fixed order (clone deletions, failed masters'
 * deletions, retirements, replicas round by round, clones).
 *
 * <ol>
 *   <li>{@link InventoryIndex}: the input, indexed once.
 *   <li>{@link GroupChoice}: the group that serves each image version.
 *   <li>{@link DemandClassifier}: keep, replace or place each VM's clone; delete the others.
 *   <li>{@link Consolidation}: on a scale-down, move recreatable clones off surplus replicas.
 *   <li>{@link DeletionPlanner}: the deletions in order, and the capacity and total ledgers.
 *   <li>{@link GroupPlanner}, per image version: {@link GroupSizer}, {@link MasterSlots}, {@link
 *       Retirement}, {@link ReplicaBudget}, {@link ReplicaNamer}, {@link ClonePlacer}.
 *   <li>{@link FanOutScheduler}: every group's replicas as a fan-out tree of copies.
 * </ol>
 */
final class PlanRun {
  private final PlanningPolicy policy;
  private final PlanningInput input;

  PlanRun(PlanningPolicy policy, PlanningInput input) {
    this.policy = policy;
    this.input = input;
  }

  static String replicaStepId(String name) {
    return "replica:" + name;
  }

  static String cloneStepId(String name) {
    return "clone:" + name;
  }

  static String deleteStepId(String name) {
    return "delete:" + name;
  }

  ReplicationPlan run() {
    if (!input.store().equals(input.inventory().store())) {
      throw new IllegalArgumentException(
          "inventory.store: the inventory lists " + input.inventory().store()
              + ", not the planned store " + input.store());
    }
    InventoryIndex index = InventoryIndex.of(input, policy);
    List<Finding> findings = new ArrayList<>();
    reportAdopted(findings);
    reportFillCap(findings);
    Map<ContentId, String> chosenGroup = GroupChoice.choose(index, findings);
    DemandClassifier.Result demand =
        DemandClassifier.classify(input, index, chosenGroup, findings);
    Consolidation.plan(input, index, chosenGroup, demand, findings);
    guardDeletions(demand);
    DeletionPlanner.Deletions deletions =
        DeletionPlanner.plan(index, demand, findings, input.capabilities());
    PlanScope run =
        new PlanScope(policy, input.capabilities(), index, demand, deletions, findings);
    run.shortfalls.addAll(demand.unserved());
    for (Map.Entry<ContentId, String> e : chosenGroup.entrySet()) {
      GroupPlanner.plan(run, e.getKey(), e.getValue());
    }
    ArrayCapabilities caps = input.capabilities();
    int feeds = ArrayCapabilities.isLimited(caps.fullRateCopiesPerSource())
        ? caps.fullRateCopiesPerSource() : 1;
    List<CreateReplica> replicas =
        FanOutScheduler.schedule(run.copies, caps.maxConcurrentPhysicalCopies(), feeds);
    PlanStep[] steps =
        new PlanStep[
            deletions.cloneDeletes().size() + deletions.masterDeletes().size()
                + run.retirements.size() + replicas.size() + run.clones.size()];
    int at = 0;
    at = copyInto(deletions.cloneDeletes(), steps, at);
    at = copyInto(deletions.masterDeletes(), steps, at);
    at = copyInto(run.retirements, steps, at);
    at = copyInto(replicas, steps, at);
    copyInto(run.clones, steps, at);
    // An immutable list already, so the plan keeps it without another copy.
    List<PlanStep> all = List.of(steps);
    return new ReplicationPlan(input.store(), all, run.shortfalls, run.sizing, run.findings,
        preview(all.subList(0, steps.length - replicas.size() - run.clones.size()), replicas,
            run.clones.size()));
  }

  /**
   * What the plan's deletions, {@code replicas} and {@code clones} new clones reserve and give
   * back, charged as the planner charged them, in the plan's order.
   */
  private CapacityPreview preview(List<PlanStep> deletions, List<CreateReplica> replicas,
      int clones) {
    ArrayCapabilities caps = input.capabilities();
    long clone = CopyCharges.clone(policy, caps);
    long reserved = 0;
    for (CreateReplica r : replicas) {
      reserved = PlanMath.sat(reserved + CopyCharges.replica(caps, r.sizeBytes()));
    }
    for (int i = 0; i < clones; i++) {
      reserved = PlanMath.sat(reserved + clone);
    }
    long released = 0;
    @Nullable Map<ContainerId, Long> sizes = null;
    for (PlanStep step : deletions) {
      if (step instanceof DeleteContainer d) {
        if (d.cause() == DeleteContainer.Cause.VM_REMOVED) {
          released = PlanMath.sat(released + clone);
        } else {
          if (sizes == null) {
            sizes = new HashMap<>();
            for (Container c : input.inventory().containers()) {
              sizes.put(c.id(), c.sizeBytes());
            }
          }
          long size = sizes.getOrDefault(d.container(), 0L);
          released = PlanMath.sat(released + CopyCharges.replica(caps, size));
        }
      }
    }
    return new CapacityPreview(caps.freeCapacityBytes(), reserved, released);
  }

  /** Says when the policy's fill cap rounds to nothing on this array and is raised to 1. */
  private void reportFillCap(List<Finding> findings) {
    int limit = input.capabilities().maxVirtualCopiesPerSource();
    if (FillCap.raised(limit, policy.fillCapPercent())) {
      findings.add(new Finding(Finding.Kind.FILL_CAP_RAISED, "policy",
          "a fill cap of " + policy.fillCapPercent() + "% of the array's per-source limit of "
              + limit + " rounds down to 0; masters take at most 1 clone each"));
    }
  }

  /** Lists, in the plan, every container the policy adopts: never by accident, always shown. */
  private void reportAdopted(List<Finding> findings) {
    if (policy.adoption().isNone()) {
      return;
    }
    for (dev.goldcopy.spi.Container c : input.inventory().containers()) {
      if (Ownership.classify(c, policy.owner(), policy.adoption()) == Ownership.Kind.ADOPTED) {
        findings.add(new Finding(Finding.Kind.ADOPTED, c.name(),
            c.name() + " was not made by Goldcopy; " + policy.adoption() + " manages it as owner "
                + policy.owner() + "'s"));
      }
    }
  }

  /**
   * Refuses a plan that deletes more of the owner's clones than the guard allows, unless the run
   * approved it.
   */
  private void guardDeletions(DemandClassifier.Result demand) {
    int deleting = demand.removals().size();
    String refusal = policy.deletionGuard().refusal(deleting, demand.managedClones());
    if (refusal != null && deleting > input.deletionApproval().maxClones()) {
      List<String> names = new ArrayList<>(demand.removals());
      names.sort(null);
      throw new DeletionRefusedException(refusal, names, demand.managedClones());
    }
  }

  private static int copyInto(List<? extends PlanStep> from, PlanStep[] to, int at) {
    for (int i = 0; i < from.size(); i++) {
      to[at + i] = from.get(i);
    }
    return at + from.size();
  }
}
