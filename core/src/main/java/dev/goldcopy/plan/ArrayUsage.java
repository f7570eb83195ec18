package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;

/**
 * Who holds the array-wide totals now: this store's containers (from its inventory, whoever made
 * them) and the rest of the array (from the adapter's usage figures, less this store's share).
 * An adapter that reports no usage leaves the rest of the array at zero.
 *
 * @param virtualInStore the store's virtual copies
 * @param virtualElsewhere the virtual copies the rest of the array holds
 * @param containersInStore the store's containers of every kind
 * @param containersElsewhere the containers the rest of the array holds
 */
record ArrayUsage(
    long virtualInStore, long virtualElsewhere, long containersInStore, long containersElsewhere) {

  /** The usage of a store of {@code containers} containers, {@code virtual} of them clones. */
  static ArrayUsage of(ArrayCapabilities caps, long virtual, long containers) {
    return new ArrayUsage(
        virtual,
        Math.max(0, caps.usedVirtualCopiesTotal() - virtual),
        containers,
        Math.max(0, caps.usedContainersTotal() - containers));
  }

  /** Says who holds the virtual copy total, for a shortfall's reason. */
  String virtualHolders() {
    return "this store holds " + virtualInStore + " and the rest of the array "
        + virtualElsewhere;
  }

  /** Says who holds the container total, for a shortfall's reason. */
  String containerHolders() {
    return "this store holds " + containersInStore + " and the rest of the array "
        + containersElsewhere;
  }
}
