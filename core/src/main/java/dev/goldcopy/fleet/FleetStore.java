package dev.goldcopy.fleet;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;

/**
 * One store the fleet may use, as observed: plain data, possibly on its own array.
 *
 * @param store the tenant and store
 * @param capabilities its capabilities and its array's usage
 * @param inventory what it holds
 * @param weight its share of the spread relative to the other stores, at least 1
 */
public record FleetStore(
    StoreRef store, ArrayCapabilities capabilities, Inventory inventory, int weight) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the weight is below 1 or the inventory is of another store
   */
  public FleetStore {
    requireNonNull(store, "store");
    requireNonNull(capabilities, "capabilities");
    requireNonNull(inventory, "inventory");
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1: " + weight);
    }
    if (!inventory.store().equals(store)) {
      throw new IllegalArgumentException("inventory: of " + inventory.store() + ", not " + store);
    }
  }
}
