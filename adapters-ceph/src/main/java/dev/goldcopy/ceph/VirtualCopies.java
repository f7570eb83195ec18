package dev.goldcopy.ceph;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes virtual copies: a clone of the source's base snapshot (a v2 clone, so the snapshot needs
 * no protection), described and then published under its name. Blocking; the adapter runs it on
 * its executor.
 */
final class VirtualCopies {

  private final Rbd rbd;
  private final Ledger ledger;
  private final Catalog catalog;
  private final Images images;
  private final int maxDepth;

  VirtualCopies(Rbd rbd, Ledger ledger, Catalog catalog, Images images, int maxDepth) {
    this.rbd = rbd;
    this.ledger = ledger;
    this.catalog = catalog;
    this.images = images;
    this.maxDepth = maxDepth;
  }

  /** Makes the virtual copy {@code name} of {@code source}, or returns the one already made. */
  Container create(
      StoreRef store, String ns, ContainerId sourceId, ContainerIds.Parts source, String name,
      Labels labels) {
    ledger.changeStarts(ns);
    try {
      Images.Source from = images.resolve(ns, source);
      Container existing = existing(store, ns, name, sourceId);
      if (existing != null) {
        return existing;
      }
      int depth = depthOf(from, source);
      Ledger.Reservation reservation = ledger.reserveVirtual(ns, source.name());
      String hidden = null;
      try {
        hidden = images.cloneHidden(ns, from.entry());
        ImageRecord record =
            new ImageRecord(
                ContainerKind.VIRTUAL_COPY, from.record().content(), null, sourceId.value(), depth);
        Map<String, String> meta = images.describe(ns, hidden, record, labels, null, from.metadata());
        Optional<RbdImage> made = images.publish(ns, hidden, name);
        hidden = null;
        if (made.isEmpty()) {
          ledger.release(reservation);
          return sameOrConflict(store, ns, name, sourceId);
        }
        RbdImage image = made.get();
        catalog.remember(image.id(), meta);
        ledger.commit(reservation, Images.entryOf(image, record, false));
        return container(store, ns, image, record, labels.asMap(), sourceId);
      } finally {
        ledger.release(reservation);
        if (hidden != null) {
          images.discard(ns, hidden);
        }
      }
    } finally {
      ledger.changeEnds(ns);
    }
  }

  private int depthOf(Images.Source from, ContainerIds.Parts source) {
    if (from.record().kind() == ContainerKind.PHYSICAL_MASTER) {
      if (from.entry().parent() != null) {
        throw new ConflictException(source.name() + " is a master still being copied");
      }
      return 1;
    }
    int depth = from.record().depth() + 1;
    if (ArrayCapabilities.isLimited(maxDepth) && depth > maxDepth) {
      throw new LimitReachedException(
          LimitReachedException.Scope.REPLICATION_DEPTH,
          maxDepth,
          source.name() + " is a virtual copy " + (depth - 1) + " deep; the most is " + maxDepth);
    }
    return depth;
  }

  /** The container already of that name if it is the same request, a conflict if not, or null. */
  private @Nullable Container existing(
      StoreRef store, String ns, String name, ContainerId sourceId) {
    if (ledger.find(ns, name) == null) {
      return null;
    }
    Optional<RbdImage> image = rbd.info(ns, name);
    if (image.isEmpty()) {
      ledger.remove(ns, name); // deleted by someone else since the ledger's listing
      return null;
    }
    return sameOrConflict(store, ns, name, sourceId, image.get());
  }

  private Container sameOrConflict(StoreRef store, String ns, String name, ContainerId sourceId) {
    RbdImage image =
        rbd.info(ns, name)
            .orElseThrow(() -> new ConflictException(name + " is being replaced; try again"));
    return sameOrConflict(store, ns, name, sourceId, image);
  }

  private Container sameOrConflict(
      StoreRef store, String ns, String name, ContainerId sourceId, RbdImage image) {
    Map<String, String> meta = catalog.cachedMetadata(ns, name, image.id());
    ImageRecord record =
        ImageRecord.from(meta)
            .orElseThrow(() -> new ConflictException(name + " is taken by an image of another owner"));
    if (!Images.sameRequest(record, ContainerKind.VIRTUAL_COPY, sourceId.value())) {
      throw new ConflictException(
          name + " already exists as another " + (record.kind() == ContainerKind.VIRTUAL_COPY
              ? "virtual copy's source" : "kind"));
    }
    ledger.put(ns, Images.entryOf(image, record, false));
    return container(store, ns, image, record, ImageRecord.labelsFrom(meta), sourceId);
  }

  private static Container container(
      StoreRef store, String ns, RbdImage image, ImageRecord record, Map<String, String> labels,
      ContainerId sourceId) {
    Container c =
        Containers.of(store, ns, image, record, labels, ContainerState.READY, sourceId);
    if (c == null) {
      throw new ConflictException(image.name() + " has a record that is not a container");
    }
    return c;
  }
}
