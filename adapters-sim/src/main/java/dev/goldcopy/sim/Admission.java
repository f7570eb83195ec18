package dev.goldcopy.sim;

import static dev.goldcopy.spi.ArrayCapabilities.isLimited;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The limit checks of the simulated array: whether it admits a physical copy, a virtual copy or a
 * delete, in the order a real array checks, with the error it refuses with. Reads the inventory's
 * counts; changes nothing. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class Admission {
  private final ArrayCapabilities declared;
  private final SimInventory inventory;
  private final @Nullable Duration busyRetryAfter;

  Admission(ArrayCapabilities declared, SimInventory inventory, @Nullable Duration busyRetryAfter) {
    this.declared = declared;
    this.inventory = inventory;
    this.busyRetryAfter = busyRetryAfter;
  }

  /** Returns why a physical copy of {@code src} into {@code s} is refused, or null. */
  @Nullable ArrayException physicalCopy(StoreRef store, SimStore s, SimContainer src) {
    if (src.store != s) {
      return containerDenied(store, src.id());
    }
    if (src.kind() != ContainerKind.PHYSICAL_MASTER) {
      return new ConflictException(
          "source " + src.id() + " is a virtual copy; only a physical master can be copied");
    }
    if (src.state() != ContainerState.READY) {
      return notReady(src);
    }
    LimitReachedException full = containersFull();
    if (full != null) {
      return full;
    }
    long cost = declared.copyCosts().physicalCopyBytes(src.sizeBytes());
    if (s.freeBytes() < cost) {
      return insufficient(s, cost);
    }
    int concurrency = declared.maxConcurrentPhysicalCopies();
    if (isLimited(concurrency) && inventory.physicalCopiesInProgress >= concurrency) {
      return new BusyException(
          concurrency + " physical copies are in progress, the most the array runs at once",
          busyRetryAfter);
    }
    return null;
  }

  /** Returns why a virtual copy of {@code src} in {@code s} is refused, or null. */
  @Nullable ArrayException virtualCopy(StoreRef store, SimStore s, SimContainer src) {
    if (src.store != s) {
      return containerDenied(store, src.id());
    }
    if (src.state() != ContainerState.READY) {
      return notReady(src);
    }
    if (!declared.virtualCopiesSupported()) {
      return new LimitReachedException(
          LimitReachedException.Scope.NOT_SUPPORTED, 0, "the array makes no virtual copies");
    }
    ArrayException limit = virtualCopyLimit(src);
    if (limit != null) {
      return limit;
    }
    LimitReachedException full = containersFull();
    if (full != null) {
      return full;
    }
    long growth = declared.copyCosts().virtualCopyBytes();
    if (s.freeBytes() < growth) {
      return insufficient(s, growth);
    }
    int concurrency = declared.maxConcurrentVirtualCopies();
    if (isLimited(concurrency) && inventory.virtualCopiesInProgress >= concurrency) {
      return new BusyException(
          concurrency + " virtual copies are being made, the most the array makes at once",
          busyRetryAfter);
    }
    return null;
  }

  /** The depth, per-source and array-wide limits on virtual copies. */
  private @Nullable ArrayException virtualCopyLimit(SimContainer src) {
    int depthLimit = declared.maxLocalReplicationDepth();
    if (isLimited(depthLimit) && src.depth() >= depthLimit) {
      return new LimitReachedException(
          LimitReachedException.Scope.REPLICATION_DEPTH,
          depthLimit,
          "a virtual copy of "
              + src.id()
              + " would chain "
              + (src.depth() + 1)
              + " deep; the array allows "
              + depthLimit);
    }
    int perSource = declared.maxVirtualCopiesPerSource();
    if (isLimited(perSource) && src.virtualCopies >= perSource) {
      return new LimitReachedException(
          LimitReachedException.Scope.PER_SOURCE,
          perSource,
          "source " + src.id() + " has " + src.virtualCopies + " virtual copies, its limit");
    }
    int total = declared.maxVirtualCopiesTotal();
    if (isLimited(total) && inventory.virtualCopiesTotal >= total) {
      return new LimitReachedException(
          LimitReachedException.Scope.ARRAY_TOTAL,
          total,
          "the array holds " + inventory.virtualCopiesTotal + " virtual copies, its limit");
    }
    return null;
  }

  /** Returns why deleting {@code c} from {@code s} is refused, or null. */
  @Nullable ArrayException delete(StoreRef store, SimStore s, SimContainer c) {
    if (c.store != s) {
      return containerDenied(store, c.id());
    }
    if (c.virtualCopies > 0) {
      return new ConflictException(c.id() + " is the source of " + c.virtualCopies + " virtual copies");
    }
    if (c.physicalCopiesInProgress > 0) {
      return new ConflictException(
          c.id() + " is the source of " + c.physicalCopiesInProgress + " physical copies in progress");
    }
    return null;
  }

  /** Returns the refusal if the array holds its most containers, else null. */
  @Nullable LimitReachedException containersFull() {
    int max = declared.maxContainersTotal();
    if (isLimited(max) && inventory.containersTotal >= max) {
      return new LimitReachedException(
          LimitReachedException.Scope.ARRAY_CONTAINERS,
          max,
          "the array holds " + inventory.containersTotal + " containers of every kind, its limit");
    }
    return null;
  }

  static AccessDeniedException storeDenied(StoreRef store) {
    return new AccessDeniedException(
        "tenant " + store.tenant() + " does not own a store " + store.store());
  }

  static AccessDeniedException containerDenied(StoreRef store, ContainerId container) {
    return new AccessDeniedException(container + " is not a container of " + store);
  }

  static ContainerNotFoundException notFound(StoreRef store, ContainerId source) {
    return new ContainerNotFoundException("source " + source + " does not exist in " + store);
  }

  static InsufficientCapacityException insufficient(SimStore s, long needed) {
    return new InsufficientCapacityException(
        s.ref + " has " + s.freeBytes() + " bytes free; the container needs " + needed);
  }

  private static ConflictException notReady(SimContainer source) {
    return new ConflictException(
        "source " + source.id() + " is " + source.state() + ", not READY, so it cannot be copied");
  }
}
