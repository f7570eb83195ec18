package dev.goldcopy.sim;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated array holds: its stores, its containers by identifier, and the array-wide
 * counts every limit is checked against. Only bookkeeping: adding a container, and taking one out
 * of every index and count. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class SimInventory {
  /** The stores, in the order they were added. */
  final Map<StoreId, SimStore> stores = new LinkedHashMap<>();
  /** Every container of every store. */
  final ContainersById containers = new ContainersById();

  private final NameRules nameRules;
  private final UnaryOperator<String> keyOf = this::key;
  private final Recorder recorder;
  /** Virtual copies on the array, ready or being made. */
  int virtualCopiesTotal;
  /** Containers of every kind on the array. */
  int containersTotal;
  int physicalCopiesInProgress;
  int virtualCopiesInProgress;

  SimInventory(NameRules nameRules, Recorder recorder) {
    this.nameRules = nameRules;
    this.recorder = recorder;
  }

  /** Returns the store {@code ref} names if its tenant owns it, else null. */
  @Nullable SimStore owned(StoreRef ref) {
    SimStore s = stores.get(ref.store());
    return s != null && s.ref.tenant().equals(ref.tenant()) ? s : null;
  }

  /** Returns the container a name is taken by in {@code store}, or null. */
  @Nullable SimContainer named(SimStore store, String name) {
    return store.byName.get(key(name), keyOf);
  }

  /** Returns the identifier of the next container made. */
  ContainerId nextId() {
    return containers.nextId();
  }

  /** Indexes a new container and charges its reserved capacity to its store. */
  void add(SimContainer c) {
    containers.add(c);
    c.store.byName.add(c, key(c.name()));
    containersTotal++;
    c.store.usedBytes += c.reservedBytes;
    recorder.capacityUsed(c.store);
  }

  /** Counts a new virtual copy of {@code source}. */
  void virtualCopyAdded(SimContainer source) {
    source.virtualCopies++;
    virtualCopiesTotal++;
    recorder.virtualCopyAdded(source, virtualCopiesTotal);
    virtualCopiesInProgress++;
    recorder.virtualCopiesInProgress(virtualCopiesInProgress);
  }

  /** Counts a new physical copy of {@code source}. */
  void physicalCopyAdded(SimContainer source) {
    source.physicalCopiesInProgress++;
    physicalCopiesInProgress++;
    recorder.physicalCopiesInProgress(physicalCopiesInProgress);
  }

  /** Counts the end of a physical copy of {@code source}, whatever ended it. */
  void physicalCopyEnded(SimContainer source) {
    source.physicalCopiesInProgress--;
    physicalCopiesInProgress--;
  }

  /**
   * Takes {@code c} out of every index and count and gives its capacity back; the caller stops
   * what was making it.
   */
  void unlink(SimContainer c) {
    c.removed = true;
    containers.remove(c);
    c.store.byName.remove(c, key(c.name()));
    containersTotal--;
    c.store.usedBytes -= c.reservedBytes;
    SimContainer parent = c.parent;
    if (parent != null) {
      recorder.virtualCopyGoing(parent);
      parent.virtualCopies--;
      virtualCopiesTotal--;
    }
  }

  /** The key under which a store tells names apart, as the profile's name rules say. */
  private String key(String name) {
    return nameRules.identityKey(name);
  }
}
