package dev.goldcopy.examples.vendor;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;

/**
 * The SPI's rules as {@link InMemoryArrayAdapter} checks them, one method each, over the in-memory
 * array's records: which exception each broken rule throws, and with which {@link
 * LimitReachedException.Scope}. A vendor keeps these checks where its array does not make them
 * itself, and maps the array's own refusals to the same exceptions where it does.
 */
final class ArrayRules {
  private final ArrayCapabilities declared;
  private final InMemoryVolumes volumes;

  ArrayRules(ArrayCapabilities declared, InMemoryVolumes volumes) {
    this.declared = declared;
    this.volumes = volumes;
  }

  /** Tenancy: the caller's tenant must own the store. An unknown store is refused the same way. */
  void checkTenancy(StoreRef store) {
    if (!store.tenant().equals(volumes.owners.get(store.store()))) {
      throw new AccessDeniedException(store.tenant() + " does not own store " + store.store());
    }
  }

  /**
   * Finds a container the call names, refusing one of another store or tenant as access denied
   * and a missing one as not found.
   */
  Container findInStore(StoreRef store, ContainerId id) {
    Container found = volumes.containers.get(id);
    if (found == null) {
      throw new ContainerNotFoundException(id + " does not exist in " + store);
    }
    if (!found.store().equals(store)) {
      throw new AccessDeniedException(id + " does not belong to " + store);
    }
    return found;
  }

  /**
   * Idempotent creation: the same name, kind and source is the same request, answered with what
   * exists; anything else under that name is a conflict.
   */
  static Container sameRequestOrConflict(
      Container existing, ContainerKind kind, ContainerId source) {
    if (existing.kind() != kind || !source.equals(existing.source())) {
      throw new ConflictException(
          existing.name()
              + " exists as a "
              + existing.kind()
              + " of "
              + existing.source()
              + ", not a "
              + kind
              + " of "
              + source);
    }
    if (existing.state() == ContainerState.FAILED) {
      throw new CopyFailedException(existing.id(), existing.name() + " failed; delete it first");
    }
    return existing;
  }

  /** Depth: a master is depth 0, its clones depth 1, their clones depth 2, and so on. */
  void checkDepth(Container parent) {
    int limit = declared.maxLocalReplicationDepth();
    int depth = volumes.depthOf(parent) + 1;
    if (ArrayCapabilities.isLimited(limit) && depth > limit) {
      throw new LimitReachedException(
          LimitReachedException.Scope.REPLICATION_DEPTH,
          limit,
          "a virtual copy of " + parent.id() + " would be at depth " + depth + ", over " + limit);
    }
  }

  /** Per source: the L-th virtual copy of one source succeeds, the next is refused. */
  void checkPerSourceLimit(Container parent) {
    int limit = declared.maxVirtualCopiesPerSource();
    long copies =
        volumes.containers.values().stream()
            .filter(c -> c.kind() == ContainerKind.VIRTUAL_COPY)
            .filter(c -> parent.id().equals(c.source()))
            .count();
    if (ArrayCapabilities.isLimited(limit) && copies >= limit) {
      throw new LimitReachedException(
          LimitReachedException.Scope.PER_SOURCE,
          limit,
          parent.id() + " already has " + copies + " virtual copies, the most per source");
    }
  }

  /** Support: an array that makes no virtual copies says so, distinct from "no limit". */
  void checkSupported(Container parent) {
    if (!declared.virtualCopiesSupported()) {
      throw new LimitReachedException(
          LimitReachedException.Scope.NOT_SUPPORTED,
          0,
          "this array makes no virtual copies; refused for " + parent.id());
    }
  }

  /** Containers of every kind, over every store: masters count as much as clones. */
  void checkContainerTotal(String name) {
    int limit = declared.maxContainersTotal();
    if (ArrayCapabilities.isLimited(limit) && volumes.containers.size() >= limit) {
      throw new LimitReachedException(
          LimitReachedException.Scope.ARRAY_CONTAINERS,
          limit,
          "the array holds " + volumes.containers.size() + " volumes, the most in all; refused for " + name);
    }
  }

  /** Array total: virtual copies are counted over every store of the array. */
  void checkArrayTotal(Container parent) {
    int limit = declared.maxVirtualCopiesTotal();
    int copies = volumes.countVirtualCopies();
    if (ArrayCapabilities.isLimited(limit) && copies >= limit) {
      throw new LimitReachedException(
          LimitReachedException.Scope.ARRAY_TOTAL,
          limit,
          "the array holds " + copies + " virtual copies, the most in all; refused for "
              + parent.id());
    }
  }

  /** Capacity: refuse before anything is made, so a full store is left exactly as it was. */
  void reserveCapacity(StoreRef store, long bytes, String name) {
    long free = volumes.freeCapacity(store);
    if (bytes > free) {
      throw new InsufficientCapacityException(
          name + " needs " + bytes + " bytes; " + store + " has " + free + " free");
    }
  }

  /** Dependents: a virtual copy of it, or a physical copy of it still in progress. */
  boolean hasDependents(Container target) {
    return volumes.containers.values().stream()
        .filter(c -> target.id().equals(c.source()))
        .anyMatch(
            c -> c.kind() == ContainerKind.VIRTUAL_COPY || c.state() == ContainerState.COPYING);
  }

  /**
   * Names: the caller's name is kept as given, so it must be one the array can store. Thrown at
   * once, not through the stage: a bad argument is the caller's bug, not the array's answer.
   */
  void checkName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    // The array's own rules, as declared: characters it allows and the length in bytes.
    declared.nameRules().check("name", name);
  }
}
