package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;

/**
 * Everything the planner reads about one store: plain data, no array calls.
 *
 * @param store the tenant and store being planned
 * @param capabilities what the store's copy engine can do, its free capacity, and the array's usage
 * @param inventory what the store holds now
 * @param demand the VMs that must run from the store
 * @param deletionApproval deletions the caller approves for this run beyond the policy's guard
 */
public record PlanningInput(
    StoreRef store,
    ArrayCapabilities capabilities,
    Inventory inventory,
    Demand demand,
    DeletionApproval deletionApproval) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the inventory is of another store
   */
  public PlanningInput {
    requireNonNull(store, "store");
    requireNonNull(capabilities, "capabilities");
    requireNonNull(inventory, "inventory");
    requireNonNull(demand, "demand");
    requireNonNull(deletionApproval, "deletionApproval");
  }

  /**
   * Creates an input with no deletion approval beyond the guard.
   *
   * @param store the tenant and store being planned
   * @param capabilities what the store's copy engine can do
   * @param inventory what the store holds now
   * @param demand the VMs that must run from the store
   */
  public PlanningInput(StoreRef store, ArrayCapabilities capabilities, Inventory inventory, Demand demand) {
    this(store, capabilities, inventory, demand, DeletionApproval.none());
  }

  /**
   * Returns this input with {@code approval} for this run.
   *
   * @param approval the deletions approved
   * @return the new input
   */
  public PlanningInput withDeletionApproval(DeletionApproval approval) {
    return new PlanningInput(store, capabilities, inventory, demand, approval);
  }
}
