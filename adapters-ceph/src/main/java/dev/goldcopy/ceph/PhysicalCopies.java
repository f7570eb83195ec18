package dev.goldcopy.ceph;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes physical copies: a clone of the source's base snapshot, published at once with a copy
 * marker (so it is listed as copying, and found again by name after a restart), then flattened
 * into an independent image. A copy found half made (its flatten interrupted) is resumed by
 * flattening again, which picks up where the last one stopped. Blocking; each copy runs on a
 * thread of its own so that long copies never hold up the adapter's other calls.
 */
final class PhysicalCopies {

  private final Rbd rbd;
  private final Ledger ledger;
  private final Catalog catalog;
  private final Images images;
  private final Duration copyTimeout;

  PhysicalCopies(Rbd rbd, Ledger ledger, Catalog catalog, Images images, Duration copyTimeout) {
    this.rbd = rbd;
    this.ledger = ledger;
    this.catalog = catalog;
    this.images = images;
    this.copyTimeout = copyTimeout;
  }

  /** Runs a copy job to its end; completes the job's result unless a delete aborted it. */
  void run(StoreRef store, CopyJob job, ContainerIds.Parts source, Labels labels) {
    String ns = job.namespace();
    Started started;
    try {
      started = start(store, job, source, labels);
    } catch (RuntimeException e) {
      job.result().completeExceptionally(e);
      job.stop();
      return;
    }
    Container done = started.done();
    if (done != null) {
      job.completeReady(done);
      job.stop();
      return;
    }
    try {
      flatten(store, job, started);
    } finally {
      ledger.copyEnds();
      job.stop();
    }
  }

  /** A copy accepted and listed, to be flattened; or, for a repeated request, the finished copy. */
  private record Started(
      RbdImage image,
      ImageRecord record,
      Map<String, String> meta,
      String sourceName,
      @Nullable Container done) {}

  private Started start(StoreRef store, CopyJob job, ContainerIds.Parts source, Labels labels) {
    String ns = job.namespace();
    ledger.changeStarts(ns);
    try {
      Images.Source from = images.resolve(ns, source);
      if (from.record().kind() != ContainerKind.PHYSICAL_MASTER) {
        throw new ConflictException(
            source.name() + " is a virtual copy; a physical copy needs a master as its source");
      }
      if (from.entry().parent() != null) {
        throw new ConflictException(source.name() + " is a master still being copied");
      }
      Optional<RbdImage> existing =
          ledger.find(ns, job.name()) == null ? Optional.empty() : rbd.info(ns, job.name());
      if (existing.isPresent()) {
        return again(store, job, existing.get());
      }
      ImageRecord record =
          new ImageRecord(
              ContainerKind.PHYSICAL_MASTER,
              from.record().content(),
              from.record().group(),
              job.source().value(),
              0);
      Ledger.Reservation reservation =
          ledger.reservePhysical(ns, source.name(), from.entry().sizeBytes());
      String hidden = null;
      boolean committed = false;
      try {
        hidden = images.cloneHidden(ns, from.entry());
        Map<String, String> meta =
            images.describe(ns, hidden, record, labels, ImageRecord.COPYING, from.metadata());
        Optional<RbdImage> made = images.publish(ns, hidden, job.name());
        hidden = null;
        if (made.isEmpty()) {
          ledger.release(reservation);
          ledger.copyEnds();
          RbdImage taken =
              rbd.info(ns, job.name())
                  .orElseThrow(() -> new ConflictException(job.name() + " is being replaced"));
          return again(store, job, taken);
        }
        RbdImage image = made.get();
        catalog.remember(image.id(), meta);
        ledger.commit(reservation, Images.entryOf(image, record, false));
        committed = true;
        job.accept(image.id());
        return new Started(image, record, meta, source.name(), null);
      } finally {
        if (!committed) {
          if (ledger.releaseIfOpen(reservation)) {
            ledger.copyEnds();
          }
        }
        if (hidden != null) {
          images.discard(ns, hidden);
        }
      }
    } finally {
      ledger.changeEnds(ns);
    }
  }

  /**
   * A request for a name that exists: the same copy ready (returned), interrupted (resumed) or
   * failed; anything else is a conflict.
   */
  private Started again(StoreRef store, CopyJob job, RbdImage image) {
    String ns = job.namespace();
    Map<String, String> meta = catalog.metadata(ns, image.name(), image.id());
    ImageRecord record =
        ImageRecord.from(meta)
            .orElseThrow(() -> new ConflictException(image.name() + " is taken by another image"));
    if (!Images.sameRequest(record, ContainerKind.PHYSICAL_MASTER, job.source().value())) {
      throw new ConflictException(image.name() + " already exists with another kind or source");
    }
    ledger.put(ns, Images.entryOf(image, record, false));
    String marker = meta.get(ImageRecord.COPY_KEY);
    ContainerState state = Containers.masterState(image, marker, false);
    Map<String, String> labels = ImageRecord.labelsFrom(meta);
    if (state == ContainerState.READY) {
      return new Started(image, record, meta, "", container(store, ns, image, record, labels,
          ContainerState.READY));
    }
    if (state == ContainerState.FAILED) {
      throw new CopyFailedException(
          ContainerIds.of(ns, image.name(), image.id()),
          image.name() + " is a failed copy (" + marker + "); delete it and copy again");
    }
    ledger.takeCopySlot();
    job.accept(image.id());
    RbdImage.Parent parent = image.parent();
    return new Started(image, record, meta, parent == null ? "" : parent.image(), null);
  }

  private void flatten(StoreRef store, CopyJob job, Started started) {
    String ns = job.namespace();
    RbdImage image = started.image();
    CommandResult result;
    try {
      CommandRunner.Running running =
          job.startFlatten(() -> rbd.startFlatten(ns, image.name()));
      if (running == null) {
        return; // aborted before it started: the delete finishes the job
      }
      result = running.await(copyTimeout);
    } catch (ArrayException e) {
      if (!job.isAborted()) {
        fail(store, job, started, String.valueOf(e.getMessage()));
      }
      return;
    }
    if (job.isAborted()) {
      return;
    }
    ledger.changeStarts(ns);
    try {
      Optional<RbdImage> now = rbd.info(ns, image.name());
      boolean independent =
          now.isPresent() && now.get().id().equals(image.id()) && now.get().parent() == null;
      if (!independent) {
        // The exit code alone is not trusted: only an image without a parent is a finished copy.
        fail(store, job, started, RbdErrors.summary(result.stderr()) + " (exit "
            + result.exitCode() + ")");
        return;
      }
      rbd.removeMetadata(ns, image.name(), ImageRecord.COPY_KEY);
      Map<String, String> meta = new HashMap<>(started.meta());
      meta.remove(ImageRecord.COPY_KEY);
      catalog.remember(image.id(), meta);
      LedgerEntry entry = ledger.find(ns, image.name());
      ledger.put(
          ns,
          entry != null && entry.imageId().equals(image.id())
              ? entry.withoutParent()
              : Images.entryOf(now.get(), started.record(), false));
      images.dropBaseIfUnused(ns, started.sourceName());
      job.completeReady(
          container(store, ns, now.get(), started.record(), ImageRecord.labelsFrom(meta),
              ContainerState.READY));
    } catch (ArrayException e) {
      fail(store, job, started, String.valueOf(e.getMessage()));
    } finally {
      ledger.changeEnds(ns);
    }
  }

  /** Marks the copy failed on the image (best effort) and fails the job. */
  private void fail(StoreRef store, CopyJob job, Started started, String reason) {
    String ns = job.namespace();
    RbdImage image = started.image();
    String marker = ImageRecord.FAILED_PREFIX + reason.replace('\n', ' ');
    try {
      images.endWatches(ns, image.name()); // a flatten that died still watches the image
      rbd.setMetadata(ns, image.name(), ImageRecord.COPY_KEY, marker);
      Map<String, String> meta = new HashMap<>(started.meta());
      meta.put(ImageRecord.COPY_KEY, marker);
      catalog.remember(image.id(), meta);
    } catch (ArrayException e) {
      catalog.forget(image.id()); // read again at the next listing
    }
    job.result()
        .completeExceptionally(
            new CopyFailedException(
                ContainerIds.of(ns, image.name(), image.id()),
                "copy of " + job.source() + " as " + image.name() + " failed: " + reason));
  }

  private static Container container(
      StoreRef store, String ns, RbdImage image, ImageRecord record, Map<String, String> labels,
      ContainerState state) {
    Container c = Containers.of(store, ns, image, record, labels, state, null);
    if (c == null) {
      throw new ConflictException(image.name() + " has a record that is not a container");
    }
    return c;
  }
}
