package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;

/**
 * Everything the planner reads about one store: plain data, no array calls.
 *
 * @param store the tenant and store being planned
 * @param capabilities what the store's copy engine can do, and its free capacity
 * @param inventory what the store holds now
 * @param demand the VMs that must run from the store
 */
public record PlanningInput(
    StoreRef store, ArrayCapabilities capabilities, Inventory inventory, Demand demand) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public PlanningInput {
    requireNonNull(store, "store");
    requireNonNull(capabilities, "capabilities");
    requireNonNull(inventory, "inventory");
    requireNonNull(demand, "demand");
  }
}
