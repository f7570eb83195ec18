package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the clone deletions by name, deletes the failed masters that hold no clones (after their
 * clones' deletions), and opens the ledgers the creates draw on: the free capacity with every
 * deletion's bytes as a credit, and the array's virtual copy total with the clone deletions as
 * pending slots.
 */
final class DeletionPlanner {
  /** An empty queue, never written to: the pending deletions of a master that has none. */
  static final ArrayDeque<String> NONE_PENDING = new ArrayDeque<>(0);

  /**
   * The store's deletions and the ledgers they credit.
   *
   * @param cloneDeletes the clone deletions, sorted by name
   * @param masterDeletes the failed masters' deletions, by group and name
   * @param pendingBySource each source's clone deletions, in order
   * @param failedMasterDelete for each deleted failed master's name, its deletion's step id
   * @param capacity the free capacity, credited with every deletion
   * @param arrayTotal the array's virtual copy total, with the clone deletions pending
   * @param containerTotal the array's container total, with every deletion pending
   * @param usage who holds the array's totals now: this store and the rest of the array
   */
  record Deletions(
      List<PlanStep> cloneDeletes,
      List<PlanStep> masterDeletes,
      Map<ContainerId, ArrayDeque<String>> pendingBySource,
      Map<String, String> failedMasterDelete,
      CapacityLedger capacity,
      SlotLedger arrayTotal,
      SlotLedger containerTotal,
      ArrayUsage usage) {

    /** The deletions of {@code master}'s clones; an empty queue, never written to, if none. */
    ArrayDeque<String> pendingOf(ContainerId master) {
      ArrayDeque<String> pending = pendingBySource.get(master);
      return pending == null ? NONE_PENDING : pending;
    }
  }

  private DeletionPlanner() {}

  /** Plans the deletions of {@code demand}'s clones and of the index's failed masters. */
  static Deletions plan(
      InventoryIndex index,
      DemandClassifier.Result demand,
      List<Finding> findings,
      ArrayCapabilities caps) {
    Map<ContainerId, ArrayDeque<String>> pendingBySource = new HashMap<>();
    ArrayDeque<String> pendingCloneDeletes = new ArrayDeque<>();
    List<PlanStep> cloneDeletes = sortCloneDeletes(demand, pendingBySource, pendingCloneDeletes);
    List<PlanStep> masterDeletes = new ArrayList<>();
    Map<String, String> failedMasterDelete = new HashMap<>();
    for (List<Container> failed : index.failedByGroup().values()) {
      for (Container m : failed) {
        int kept = index.masters().kept(m.id());
        if (kept > 0) {
          findings.add(
              new Finding(
                  Finding.Kind.FAILED_MASTER_WITH_CLONES,
                  m.name(),
                  "failed copy still holds " + kept + " clone(s); it stays until they go"));
          continue;
        }
        String id = PlanRun.deleteStepId(m.name());
        ArrayDeque<String> clonesGoing = pendingBySource.getOrDefault(m.id(), NONE_PENDING);
        masterDeletes.add(
            new DeleteContainer(
                id,
                m.id(),
                m.name(),
                DeleteContainer.Cause.FAILED_COPY,
                List.copyOf(clonesGoing),
                "The physical copy failed; it holds no usable content."));
        failedMasterDelete.put(m.name(), id);
      }
    }
    CapacityLedger capacity = new CapacityLedger(caps.freeCapacityBytes());
    for (PlanStep step : cloneDeletes) {
      capacity.credit(step.id(), CopyCharges.cloneFreed(caps));
    }
    for (PlanStep step : masterDeletes) {
      DeleteContainer d = (DeleteContainer) step;
      capacity.credit(d.id(), CopyCharges.replica(caps,
          index.masters().at(index.masters().ordinal(d.container())).sizeBytes()));
    }
    // The index counted the clones: every container that is no master.
    ArrayUsage usage =
        ArrayUsage.of(caps, index.clones().count(), index.containers().size());
    SlotLedger arrayTotal =
        new SlotLedger(
            caps.maxVirtualCopiesTotal(),
            keptTotal(index, demand) + usage.virtualElsewhere(),
            pendingCloneDeletes);
    ArrayDeque<String> pendingContainerDeletes = new ArrayDeque<>(pendingCloneDeletes);
    for (PlanStep step : masterDeletes) {
      pendingContainerDeletes.add(step.id());
    }
    SlotLedger containerTotal =
        new SlotLedger(
            caps.maxContainersTotal(),
            usage.containersInStore() + usage.containersElsewhere()
                - pendingContainerDeletes.size(),
            pendingContainerDeletes);
    return new Deletions(
        cloneDeletes, masterDeletes, pendingBySource, failedMasterDelete, capacity, arrayTotal,
        containerTotal, usage);
  }

  /** Sorts the clone deletions by name and queues them as pending slot and total credits. */
  private static List<PlanStep> sortCloneDeletes(
      DemandClassifier.Result demand,
      Map<ContainerId, ArrayDeque<String>> pendingBySource,
      ArrayDeque<String> pendingCloneDeletes) {
    List<DeleteContainer> deletes = demand.cloneDeletes();
    Integer[] order = new Integer[deletes.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparing(i -> deletes.get(i).name()));
    List<PlanStep> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      DeleteContainer d = deletes.get(i);
      sorted.add(d);
      pendingBySource
          .computeIfAbsent(demand.cloneDeleteSources().get(i), s -> new ArrayDeque<>())
          .add(d.id());
      pendingCloneDeletes.add(d.id());
    }
    return sorted;
  }

  /** The clones the demand keeps, on every source. */
  private static int keptTotal(InventoryIndex index, DemandClassifier.Result demand) {
    return demand.keptElsewhere() + index.masters().keptTotal();
  }
}
