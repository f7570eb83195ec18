package dev.goldcopy.ceph;

import dev.goldcopy.spi.ContainerKind;
import org.jspecify.annotations.Nullable;

/**
 * One container the ledger knows.
 *
 * @param name the image's name
 * @param imageId RBD's id of the image
 * @param kind master or virtual copy
 * @param sizeBytes the provisioned size
 * @param parent the name of the image it is a clone of, while it is one (a virtual copy, or a
 *     physical copy not yet flattened)
 * @param hasBase whether the image carries the adapter's snapshot for clones
 */
record LedgerEntry(
    String name,
    String imageId,
    ContainerKind kind,
    long sizeBytes,
    @Nullable String parent,
    boolean hasBase) {

  LedgerEntry withBase(boolean base) {
    return new LedgerEntry(name, imageId, kind, sizeBytes, parent, base);
  }

  LedgerEntry withoutParent() {
    return new LedgerEntry(name, imageId, kind, sizeBytes, null, hasBase);
  }
}
