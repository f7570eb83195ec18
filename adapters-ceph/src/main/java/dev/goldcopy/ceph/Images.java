package dev.goldcopy.ceph;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.Labels;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The steps every creation shares. A new image is made under a hidden temporary name, given its
 * metadata, and only then renamed to the caller's name, so that no container is ever listed
 * without its record and labels, and a crash leaves at most a hidden image behind.
 */
final class Images {

  /** The snapshot of a master that its clones are made from; never listed as a container. */
  static final String BASE_SNAPSHOT = "goldcopy-clone-base";

  /** The prefix of images being made. */
  static final String NEW_PREFIX = Catalog.HIDDEN_PREFIX + "goldcopy-new-";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A source resolved against the pool: what the ledger knows, and its record. */
  record Source(LedgerEntry entry, ImageRecord record, Map<String, String> metadata) {}

  private final Rbd rbd;
  private final Ledger ledger;
  private final Catalog catalog;

  Images(Rbd rbd, Ledger ledger, Catalog catalog) {
    this.rbd = rbd;
    this.ledger = ledger;
    this.catalog = catalog;
  }

  /**
   * Finds a container by its id parts.
   *
   * @throws ContainerNotFoundException if no image of that name and RBD id is one of the
   *     adapter's containers
   */
  Source resolve(String ns, ContainerIds.Parts id) {
    LedgerEntry entry = ledger.find(ns, id.name());
    if (entry == null || !entry.imageId().equals(id.imageId())) {
      // Made since the ledger's listing, perhaps by someone else: ask the pool.
      RbdImage image =
          rbd.info(ns, id.name())
              .filter(i -> i.id().equals(id.imageId()))
              .orElseThrow(() -> notFound(id));
      Map<String, String> meta = catalog.metadata(ns, image.name(), image.id());
      ImageRecord record = ImageRecord.from(meta).orElseThrow(() -> notFound(id));
      entry = entryOf(image, record, rbd.snapshots(ns, image.name()).stream()
          .anyMatch(s -> !s.inTrash() && s.name().equals(BASE_SNAPSHOT)));
      ledger.put(ns, entry);
      return new Source(entry, record, meta);
    }
    Map<String, String> meta = catalog.cachedMetadata(ns, id.name(), id.imageId());
    ImageRecord record = ImageRecord.from(meta).orElseThrow(() -> notFound(id));
    return new Source(entry, record, meta);
  }

  /** The ledger's entry for an image and its record. */
  static LedgerEntry entryOf(RbdImage image, ImageRecord record, boolean hasBase) {
    RbdImage.Parent parent = image.parent();
    return new LedgerEntry(
        image.name(),
        image.id(),
        record.kind(),
        image.sizeBytes(),
        parent == null ? null : parent.image(),
        hasBase);
  }

  /** Makes sure the source carries the snapshot clones are made from. */
  void ensureBase(String ns, LedgerEntry source) {
    if (!source.hasBase()) {
      rbd.createSnapshot(ns, source.name(), BASE_SNAPSHOT);
      ledger.put(ns, source.withBase(true));
    }
  }

  /**
   * Clones the source's base snapshot into a new hidden image and returns its name. If the
   * snapshot is gone (removed when the source's last clone went, by this or another client), it is
   * made again once.
   */
  String cloneHidden(String ns, LedgerEntry source) {
    ensureBase(ns, source);
    String hidden = NEW_PREFIX + System.currentTimeMillis() + "-" + randomHex();
    try {
      rbd.clone(ns, source.name(), BASE_SNAPSHOT, hidden);
    } catch (ContainerNotFoundException snapshotGone) {
      rbd.createSnapshot(ns, source.name(), BASE_SNAPSHOT);
      ledger.put(ns, source.withBase(true));
      rbd.clone(ns, source.name(), BASE_SNAPSHOT, hidden);
    }
    return hidden;
  }

  /** Makes a new empty hidden image and returns its name. */
  String createHidden(String ns, long sizeBytes) {
    String hidden = NEW_PREFIX + System.currentTimeMillis() + "-" + randomHex();
    rbd.create(ns, hidden, sizeBytes);
    return hidden;
  }

  /**
   * Writes the record, the labels and, for a copy in progress, the marker, and returns the image's
   * metadata as it then is. A clone starts with its parent's metadata ({@code inherited}): the
   * operator's keys stay, and the parent's labels and marker are removed where the new container
   * has none.
   */
  Map<String, String> describe(
      String ns,
      String image,
      ImageRecord record,
      Labels labels,
      @Nullable String copyMarker,
      Map<String, String> inherited) {
    Map<String, String> meta = new LinkedHashMap<>(inherited);
    Map<String, String> ours = new LinkedHashMap<>();
    ours.put(ImageRecord.KEY, record.toJson());
    if (!labels.isEmpty()) {
      ours.put(ImageRecord.LABELS_KEY, ImageRecord.labelsToJson(labels.asMap()));
    }
    if (copyMarker != null) {
      ours.put(ImageRecord.COPY_KEY, copyMarker);
    }
    for (Map.Entry<String, String> e : ours.entrySet()) {
      rbd.setMetadata(ns, image, e.getKey(), e.getValue());
      meta.put(e.getKey(), e.getValue());
    }
    for (String key : List.of(ImageRecord.LABELS_KEY, ImageRecord.COPY_KEY)) {
      if (inherited.containsKey(key) && !ours.containsKey(key)) {
        rbd.removeMetadata(ns, image, key);
        meta.remove(key);
      }
    }
    return meta;
  }

  /**
   * Renames a hidden image to its name and reads it back.
   *
   * @return the image, or empty if the name is taken (the hidden image is then removed)
   */
  Optional<RbdImage> publish(String ns, String hidden, String name) {
    try {
      rbd.rename(ns, hidden, name);
    } catch (ConflictException taken) {
      discard(ns, hidden);
      return Optional.empty();
    }
    return Optional.of(
        rbd.info(ns, name)
            .orElseThrow(() -> new ContainerNotFoundException(name + " vanished once made")));
  }

  /**
   * Ends the watches on a copy's image, which only a copying tool has open: a tool that was killed
   * leaves its watch for about 30 s, during which metadata changes and removal wait. Blocklisting
   * its client address ends the watch at once; a client without the right to blocklist waits.
   */
  void endWatches(String ns, String image) {
    try {
      for (String address : rbd.watchers(ns, image)) {
        rbd.blocklist(address);
      }
    } catch (ArrayException e) {
      // Without the right to blocklist, the next change of the image waits for the watch to end.
    }
  }

  /** Removes a hidden image that is no longer wanted; failures leave it for a later clean-up. */
  void discard(String ns, String hidden) {
    try {
      rbd.remove(ns, hidden);
    } catch (ArrayException e) {
      // A hidden leftover is never listed; removing it again is safe.
    }
  }

  /**
   * Removes the base snapshot of a master that no longer has any clone or copy in progress, so it
   * can be deleted like any other. Nothing is removed while {@code rbd children} lists a child,
   * and a snapshot that gains one meanwhile only moves to RBD's trash, from where it goes with its
   * last child.
   */
  void dropBaseIfUnused(String ns, String master) {
    LedgerEntry entry = ledger.find(ns, master);
    if (entry == null || !entry.hasBase() || !ledger.isUnused(ns, master)) {
      return;
    }
    try {
      if (rbd.children(ns, master, BASE_SNAPSHOT).isEmpty()) {
        rbd.removeSnapshot(ns, master, BASE_SNAPSHOT);
        LedgerEntry now = ledger.find(ns, master);
        if (now != null) {
          ledger.put(ns, now.withBase(false));
        }
      }
    } catch (ArrayException e) {
      // Left for the master's own deletion, which removes the snapshot too.
    }
  }

  /** Whether an existing container is what a repeated request asks for. */
  static boolean sameRequest(ImageRecord existing, ContainerKind kind, String sourceId) {
    return existing.kind() == kind && sourceId.equals(existing.source());
  }

  static ContainerNotFoundException notFound(ContainerIds.Parts id) {
    return new ContainerNotFoundException(
        "no container " + id.name() + " with id " + id.imageId() + " in namespace " + id.namespace());
  }

  private static String randomHex() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
