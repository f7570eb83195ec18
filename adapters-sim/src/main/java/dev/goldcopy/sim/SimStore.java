package dev.goldcopy.sim;

import dev.goldcopy.spi.StoreRef;

/** One store of the simulated array: its owner, capacity and containers by name. */
final class SimStore {
  final StoreRef ref;
  final long capacityBytes;
  /** The controller that owns the store, and runs its copies. */
  final int controller;
  long usedBytes;
  /** Containers by name, in creation order (the inventory's order). */
  final NameIndex byName = new NameIndex();

  SimStore(StoreRef ref, long capacityBytes, int controller) {
    this.ref = ref;
    this.capacityBytes = capacityBytes;
    this.controller = controller;
  }

  long freeBytes() {
    return capacityBytes - usedBytes;
  }
}
