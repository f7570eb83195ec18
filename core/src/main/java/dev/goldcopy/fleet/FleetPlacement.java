package dev.goldcopy.fleet;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.StoreRef;

/**
 * Where one VM goes, and why.
 *
 * @param vm the VM
 * @param store the store chosen
 * @param why the reason
 */
public record FleetPlacement(VmId vm, StoreRef store, Why why) {

  /** Why a store was chosen, in the order the planner prefers them. */
  public enum Why {
    /** The VM's clone is there already, on its image version: nothing to copy or move. */
    ALREADY_THERE,
    /** A master there had room: no copy; among such stores, the least filled for its weight. */
    FREE_SLOT,
    /** A new replica there: the store whose replica serves the most VMs, then the least filled. */
    NEW_REPLICA
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public FleetPlacement {
    requireNonNull(vm, "vm");
    requireNonNull(store, "store");
    requireNonNull(why, "why");
  }
}
