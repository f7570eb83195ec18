package dev.goldcopy.ceph;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.CopyAbortedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Deletes containers. A master goes only when nothing is cloned or copied from it; its base
 * snapshot goes first. A copy in progress is aborted: its flatten killed, the killed tool's watch
 * on the image ended by blocklisting its client address (else {@code rbd rm} would wait about 30 s
 * for the watch to time out), the image removed. Blocking; the adapter runs it on its executor.
 */
final class Deletions {

  private final Rbd rbd;
  private final Ledger ledger;
  private final Catalog catalog;
  private final Images images;

  Deletions(Rbd rbd, Ledger ledger, Catalog catalog, Images images) {
    this.rbd = rbd;
    this.ledger = ledger;
    this.catalog = catalog;
    this.images = images;
  }

  /** Deletes a container; a container that is not there is already deleted. */
  void delete(String ns, ContainerIds.Parts id) {
    ledger.changeStarts(ns);
    try {
      Optional<RbdImage> found = rbd.info(ns, id.name()).filter(i -> i.id().equals(id.imageId()));
      if (found.isEmpty()) {
        forgetIfStale(ns, id);
        return;
      }
      RbdImage image = found.get();
      Map<String, String> meta = catalog.cachedMetadata(ns, image.name(), image.id());
      Optional<ImageRecord> record = ImageRecord.from(meta);
      if (record.isEmpty()) {
        return; // not one of the adapter's containers: nothing of ours to delete
      }
      if (record.get().kind() == ContainerKind.PHYSICAL_MASTER) {
        if (image.parent() != null && meta.containsKey(ImageRecord.COPY_KEY)) {
          removeCopy(ns, image); // a copy interrupted earlier, or failed
        } else {
          deleteMaster(ns, image);
        }
      } else {
        rbd.remove(ns, image.name());
      }
      gone(ns, image);
    } finally {
      ledger.changeEnds(ns);
    }
  }

  /**
   * Finishes the abort of a copy this adapter was making, once its job has stopped: removes the
   * image and fails the job's result with {@link CopyAbortedException}.
   */
  void finishAbort(CopyJob job) {
    String ns = job.namespace();
    ledger.changeStarts(ns);
    try {
      String imageId = job.imageId();
      Optional<RbdImage> found =
          rbd.info(ns, job.name()).filter(i -> imageId == null || i.id().equals(imageId));
      if (found.isPresent()) {
        removeCopy(ns, found.get());
        gone(ns, found.get());
      }
    } finally {
      ledger.changeEnds(ns);
    }
    job.result()
        .completeExceptionally(
            new CopyAbortedException(
                job.name(), "the copy " + job.name() + " was deleted before it was complete"));
  }

  private void deleteMaster(String ns, RbdImage image) {
    String busy = ledger.startDeleting(ns, image.name());
    if (busy != null) {
      throw new ConflictException("cannot delete " + image.name() + ": " + busy);
    }
    try {
      List<String> children = rbd.children(ns, image.name(), Images.BASE_SNAPSHOT);
      if (!children.isEmpty()) {
        throw new ConflictException(
            "cannot delete " + image.name() + ": it is the source of " + children.size()
                + " clones or copies in progress");
      }
      rbd.removeSnapshot(ns, image.name(), Images.BASE_SNAPSHOT);
      // Exit 39 (snapshots with linked clones, or the operator's own snapshots): a conflict.
      rbd.remove(ns, image.name());
    } finally {
      ledger.endDeleting(ns, image.name());
    }
  }

  /** Removes a copy's image, ending the watch a killed flatten may have left on it. */
  private void removeCopy(String ns, RbdImage image) {
    images.endWatches(ns, image.name());
    rbd.remove(ns, image.name());
  }

  private void gone(String ns, RbdImage image) {
    ledger.remove(ns, image.name());
    catalog.forget(image.id());
    RbdImage.Parent parent = image.parent();
    if (parent != null && parent.namespace().equals(ns)) {
      images.dropBaseIfUnused(ns, parent.image());
    }
  }

  private void forgetIfStale(String ns, ContainerIds.Parts id) {
    LedgerEntry entry = ledger.find(ns, id.name());
    if (entry != null && entry.imageId().equals(id.imageId())) {
      ledger.remove(ns, id.name());
      catalog.forget(id.imageId());
    }
  }
}
