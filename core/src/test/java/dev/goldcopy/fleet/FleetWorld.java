package dev.goldcopy.fleet;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.List;

/** Stores for fleet tests: each holds the image's origin (or not) and nothing else. */
final class FleetWorld {
  static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  static final long GIB = 1L << 30;

  private FleetWorld() {}

  static FleetStore store(int i, int perSource, boolean holdsImage, long freeBytes,
      int virtualTotal, int weight) {
    StoreRef ref = StoreRef.of("acme", "pool-" + i);
    ArrayCapabilities caps = ArrayCapabilities.builder()
        .maxVirtualCopiesPerSource(perSource)
        .maxVirtualCopiesTotal(virtualTotal)
        .totalCapacityBytes(Math.max(freeBytes, 1L << 50))
        .freeCapacityBytes(freeBytes)
        .build();
    List<Container> containers = holdsImage
        ? List.of(new Container(ContainerId.of("o" + i), "gold", ContainerKind.PHYSICAL_MASTER,
            IMAGE, GroupId.of("win11"), null, ref, 40 * GIB, ContainerState.READY))
        : List.of();
    return new FleetStore(ref, caps, new Inventory(ref, containers), weight);
  }
}
