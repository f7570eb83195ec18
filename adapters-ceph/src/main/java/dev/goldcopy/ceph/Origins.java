package dev.goldcopy.ceph;

import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Makes origin masters, the way a user makes a golden volume: not through the SPI. */
final class Origins {

  private final Rbd rbd;
  private final Ledger ledger;
  private final Catalog catalog;
  private final Images images;
  private final Set<String> namespacesMade = ConcurrentHashMap.newKeySet();

  Origins(Rbd rbd, Ledger ledger, Catalog catalog, Images images) {
    this.rbd = rbd;
    this.ledger = ledger;
    this.catalog = catalog;
    this.images = images;
  }

  /** Makes a new empty origin image. */
  Container create(
      StoreRef store, String ns, String name, ContentId content, GroupId group, long sizeBytes,
      Labels labels) {
    if (namespacesMade.add(ns)) {
      rbd.createNamespace(ns);
    }
    ledger.changeStarts(ns);
    try {
      ImageRecord record = new ImageRecord(ContainerKind.PHYSICAL_MASTER, content, group, null, 0);
      String hidden = images.createHidden(ns, sizeBytes);
      Map<String, String> meta;
      try {
        meta = images.describe(ns, hidden, record, labels, null, Map.of());
      } catch (RuntimeException e) {
        images.discard(ns, hidden);
        throw e;
      }
      RbdImage image =
          images
              .publish(ns, hidden, name)
              .orElseThrow(() -> new ConflictException("an image named " + name + " exists"));
      return known(store, ns, image, record, meta);
    } finally {
      ledger.changeEnds(ns);
    }
  }

  /** Describes an existing image as an origin. */
  Container adopt(
      StoreRef store, String ns, String name, ContentId content, GroupId group, Labels labels) {
    ledger.changeStarts(ns);
    try {
      RbdImage image =
          rbd.info(ns, name)
              .orElseThrow(() -> new ContainerNotFoundException("no image " + name + " in " + ns));
      if (image.parent() != null) {
        throw new ConflictException(name + " is a clone; flatten it before adopting it");
      }
      Map<String, String> current = rbd.metadata(ns, name);
      Optional<ImageRecord> existing = ImageRecord.from(current);
      if (existing.isPresent()) {
        throw new ConflictException(name + " is already a container");
      }
      ImageRecord record = new ImageRecord(ContainerKind.PHYSICAL_MASTER, content, group, null, 0);
      Map<String, String> meta =
          images.describe(ns, name, record, labels, null, current);
      return known(store, ns, image, record, meta);
    } finally {
      ledger.changeEnds(ns);
    }
  }

  private Container known(
      StoreRef store, String ns, RbdImage image, ImageRecord record, Map<String, String> meta) {
    catalog.remember(image.id(), meta);
    ledger.put(ns, Images.entryOf(image, record, false));
    Container c =
        Containers.of(
            store, ns, image, record, ImageRecord.labelsFrom(meta), ContainerState.READY, null);
    if (c == null) {
      throw new IllegalArgumentException("content, group or labels do not make a container");
    }
    return c;
  }
}
