package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;

/**
 * A rolling update of one store from one image version to another: plain data, read once.
 *
 * @param store the tenant and store
 * @param capabilities its capabilities and the array's usage now
 * @param inventory what it holds now
 * @param demand every VM the store runs, with which may be recreated and which persistent ones
 *     the caller asks to recompose; a VM's image version here is ignored for {@code from} and
 *     {@code to}: where its disk is now decides
 * @param from the version rolled from (A)
 * @param to the version rolled to (B); the store must hold a master of it (its origin)
 * @param bounds how far the roll may go at any instant
 * @param time what operations are assumed to take
 */
public record RollRequest(
    StoreRef store,
    ArrayCapabilities capabilities,
    Inventory inventory,
    Demand demand,
    ContentId from,
    ContentId to,
    RollBounds bounds,
    TimeModel time) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if {@code from} equals {@code to} or the inventory is of
   *     another store
   */
  public RollRequest {
    requireNonNull(store, "store");
    requireNonNull(capabilities, "capabilities");
    requireNonNull(inventory, "inventory");
    requireNonNull(demand, "demand");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(bounds, "bounds");
    requireNonNull(time, "time");
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to are both " + from);
    }
    if (!inventory.store().equals(store)) {
      throw new IllegalArgumentException(
          "inventory: of store " + inventory.store() + ", not " + store);
    }
  }

  /**
   * Returns the rollback of this request from the store's state now: the same roll from {@code
   * to} back to {@code from}.
   *
   * @param capabilitiesNow the capabilities observed now
   * @param inventoryNow the inventory observed now
   * @return the reversed request
   */
  public RollRequest rollback(ArrayCapabilities capabilitiesNow, Inventory inventoryNow) {
    return new RollRequest(store, capabilitiesNow, inventoryNow, demand, to, from, bounds, time);
  }

  /**
   * Returns this request from the store's state now, to resume after a stop.
   *
   * @param capabilitiesNow the capabilities observed now
   * @param inventoryNow the inventory observed now
   * @return the request with the new state
   */
  public RollRequest resume(ArrayCapabilities capabilitiesNow, Inventory inventoryNow) {
    return new RollRequest(store, capabilitiesNow, inventoryNow, demand, from, to, bounds, time);
  }
}
