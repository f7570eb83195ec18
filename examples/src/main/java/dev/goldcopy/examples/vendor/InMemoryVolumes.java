package dev.goldcopy.examples.vendor;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory array's own records, which a vendor replaces with its array: which tenant owns
 * which store ({@code owners}: your array's storage pools), and the volumes ({@code containers}:
 * your LUNs or images, with Goldcopy's metadata in tags or comments), with the lookups and counts
 * {@link InMemoryArrayAdapter} and {@link ArrayRules} read. Not thread-safe: the adapter's lock
 * guards it.
 */
final class InMemoryVolumes {
  final Map<StoreId, TenantId> owners = new HashMap<>();
  final Map<ContainerId, Container> containers = new LinkedHashMap<>();
  private final CopyCosts costs;
  private final long storeCapacityBytes;
  private long lastId;

  /**
   * Empty records.
   *
   * @param costs what a copy takes from its store
   * @param storeCapacityBytes the capacity every store starts with
   */
  InMemoryVolumes(CopyCosts costs, long storeCapacityBytes) {
    this.costs = costs;
    this.storeCapacityBytes = storeCapacityBytes;
  }

  long freeCapacity(StoreRef store) {
    long used = 0;
    for (Container c : containers.values()) {
      if (c.store().equals(store)) {
        used +=
            c.isOrigin()
                ? c.sizeBytes()
                : c.isMaster()
                    ? costs.physicalCopyBytes(c.sizeBytes())
                    : costs.virtualCopyBytes();
      }
    }
    return storeCapacityBytes - used;
  }

  int countVirtualCopies() {
    int n = 0;
    for (Container c : containers.values()) {
      if (c.kind() == ContainerKind.VIRTUAL_COPY) {
        n++;
      }
    }
    return n;
  }

  Optional<Container> findByName(StoreRef store, String name) {
    return containers.values().stream()
        .filter(c -> c.store().equals(store) && c.name().equals(name))
        .findFirst();
  }

  int depthOf(Container container) {
    int depth = 0;
    for (Container c = container; c.kind() == ContainerKind.VIRTUAL_COPY; c = sourceOf(c)) {
      depth++;
    }
    return depth;
  }

  /** The source of a virtual copy, which exists: a source with virtual copies is never deleted. */
  Container sourceOf(Container virtualCopy) {
    ContainerId source = requireNonNull(virtualCopy.source(), "source");
    return requireNonNull(containers.get(source), "source");
  }

  Container add(
      StoreRef store,
      String name,
      ContainerKind kind,
      ContentId content,
      @Nullable GroupId group,
      @Nullable ContainerId source,
      long sizeBytes,
      Labels labels) {
    lastId++;
    Container made =
        new Container(
            ContainerId.of("vol-" + lastId),
            name,
            kind,
            content,
            group,
            source,
            store,
            sizeBytes,
            ContainerState.READY,
            labels);
    containers.put(made.id(), made);
    return made;
  }
}
