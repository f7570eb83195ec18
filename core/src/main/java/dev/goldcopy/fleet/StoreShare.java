package dev.goldcopy.fleet;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.spi.StoreRef;

/**
 * What the fleet plan gives one store.
 *
 * @param store the store
 * @param demand its demand, for the executor (every VM placed there, the kept ones included)
 * @param kept VMs whose clone is there already
 * @param onFreeSlots VMs placed on masters with room
 * @param onNewReplicas VMs placed on the store's new replicas
 * @param newReplicas the physical copies the store's plan makes
 * @param bytesCopied the bytes those copies move
 */
public record StoreShare(
    StoreRef store,
    Demand demand,
    long kept,
    long onFreeSlots,
    long onNewReplicas,
    long newReplicas,
    long bytesCopied) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public StoreShare {
    requireNonNull(store, "store");
    requireNonNull(demand, "demand");
  }
}
