package dev.goldcopy.ceph;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lists a store: the adapter's images in its namespace as containers (the base snapshots and the
 * hidden images being made are never listed), and hands the listing to the ledger. Hidden images
 * that a process which died mid-creation left behind are removed.
 */
final class InventoryReader {

  private final Catalog catalog;
  private final Ledger ledger;
  private final InFlight inFlight;
  private final Images images;

  InventoryReader(Catalog catalog, Ledger ledger, InFlight inFlight, Images images) {
    this.catalog = catalog;
    this.ledger = ledger;
    this.inFlight = inFlight;
    this.images = images;
  }

  /** Lists the store whose namespace is {@code ns}. */
  Inventory read(StoreRef store, String ns) {
    long token = ledger.listingStarts(ns);
    Catalog.Contents contents = catalog.read(ns);
    List<Catalog.Listed> listed = contents.listed();
    Map<String, String> idByName = new HashMap<>();
    for (Catalog.Listed l : listed) {
      idByName.put(l.image().name(), l.image().id());
    }
    List<Container> containers = new ArrayList<>();
    List<LedgerEntry> entries = new ArrayList<>();
    for (Catalog.Listed l : listed) {
      Container c = container(store, ns, l, idByName);
      if (c != null) {
        containers.add(c);
        entries.add(Images.entryOf(l.image(), l.record(), l.hasBase()));
      }
    }
    ledger.listed(ns, entries, token);
    for (String stale : contents.staleHidden()) {
      images.discard(ns, stale); // left by a process that died while making a container
    }
    return new Inventory(store, containers);
  }

  /** Loads every namespace the ledger does not know yet. */
  void ensureLoaded(Map<String, StoreRef> storesByNamespace) {
    for (Map.Entry<String, StoreRef> e : storesByNamespace.entrySet()) {
      if (!ledger.isLoaded(e.getKey())) {
        read(e.getValue(), e.getKey());
      }
    }
  }

  private @Nullable Container container(
      StoreRef store, String ns, Catalog.Listed l, Map<String, String> idByName) {
    RbdImage image = l.image();
    ContainerState state = ContainerState.READY;
    ContainerId source = null;
    RbdImage.Parent parent = image.parent();
    if (l.record().kind() == ContainerKind.PHYSICAL_MASTER) {
      CopyJob job = inFlight.job(ns, image.name());
      boolean running = job != null && image.id().equals(job.imageId());
      state = Containers.masterState(image, l.copyMarker(), running);
    } else if (parent != null && parent.namespace().equals(ns)) {
      String parentId = idByName.get(parent.image());
      if (parentId != null) {
        source = ContainerIds.of(ns, parent.image(), parentId);
      }
    }
    return Containers.of(store, ns, image, l.record(), l.labels(), state, source);
  }
}
