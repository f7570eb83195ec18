package dev.goldcopy.ceph;

import dev.goldcopy.spi.ContainerNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Reads a namespace's images with their metadata. {@code rbd ls -l} gives every image in one call
 * but no metadata, which takes one call per image; since the adapter's record and the labels never
 * change after creation, metadata is kept by RBD image id and read again only for copies in
 * progress, whose copy marker does change.
 */
final class Catalog {

  /** Images whose names start with this are the adapter's own, never listed as containers. */
  static final String HIDDEN_PREFIX = ".";

  /**
   * One of the adapter's images.
   *
   * @param image what {@code rbd ls -l} says of it
   * @param record the adapter's record
   * @param labels the user's labels
   * @param copyMarker the copy marker, if the image is or was a physical copy in progress
   * @param hasBase whether it carries the adapter's snapshot for clones
   */
  record Listed(
      RbdImage image,
      ImageRecord record,
      Map<String, String> labels,
      @Nullable String copyMarker,
      boolean hasBase) {}

  private final Rbd rbd;
  private final Executor readers;
  private final Map<String, Map<String, String>> metadataById = new ConcurrentHashMap<>();

  /**
   * Creates a catalog.
   *
   * @param rbd the commands
   * @param readers where metadata is read in parallel (not the executor the reading runs on, so
   *     the two cannot wait for each other)
   */
  Catalog(Rbd rbd, Executor readers) {
    this.rbd = rbd;
    this.readers = readers;
  }

  /**
   * A namespace's contents: the adapter's containers, and the hidden images that creations left
   * behind more than {@value #STALE_MINUTES} minutes ago (a process that died mid-creation).
   */
  record Contents(List<Listed> listed, List<String> staleHidden) {}

  static final int STALE_MINUTES = 15;

  /** Lists the adapter's images in a namespace, with their metadata. */
  Contents read(String ns) {
    RbdJson.Listing listing = rbd.list(ns);
    List<CompletableFuture<@Nullable Listed>> reads = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    long cutoff = System.currentTimeMillis() - STALE_MINUTES * 60_000L;
    for (RbdImage image : listing.images()) {
      if (image.name().startsWith(HIDDEN_PREFIX)) {
        if (madeBefore(image.name(), cutoff)) {
          stale.add(image.name());
        }
        continue;
      }
      boolean hasBase = listing.hasSnapshot(image.name(), Images.BASE_SNAPSHOT);
      Map<String, String> known = metadataById.get(image.id());
      if (known != null && !known.containsKey(ImageRecord.COPY_KEY)) {
        reads.add(CompletableFuture.completedFuture(listed(image, known, hasBase)));
      } else {
        reads.add(CompletableFuture.supplyAsync(() -> fetch(ns, image, hasBase), readers));
      }
    }
    List<Listed> result = new ArrayList<>();
    for (CompletableFuture<@Nullable Listed> read : reads) {
      try {
        Listed l = read.join();
        if (l != null) {
          result.add(l);
        }
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    return new Contents(result, stale);
  }

  /** Whether a hidden image's name says it was made before {@code cutoff} (epoch millis). */
  static boolean madeBefore(String hidden, long cutoff) {
    if (!hidden.startsWith(Images.NEW_PREFIX)) {
      return false;
    }
    String rest = hidden.substring(Images.NEW_PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      return dash > 0 && Long.parseLong(rest.substring(0, dash)) < cutoff;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Keeps the metadata the adapter itself wrote for a new image. */
  void remember(String imageId, Map<String, String> metadata) {
    metadataById.put(imageId, Map.copyOf(metadata));
  }

  /** Forgets an image that is gone. */
  void forget(String imageId) {
    metadataById.remove(imageId);
  }

  /** An image's metadata, from memory if the adapter has read or written it before. */
  Map<String, String> cachedMetadata(String ns, String name, String imageId) {
    Map<String, String> known = metadataById.get(imageId);
    return known != null ? known : metadata(ns, name, imageId);
  }

  /** Reads an image's metadata now (not from memory) and remembers it. */
  Map<String, String> metadata(String ns, String name, String imageId) {
    Map<String, String> meta = rbd.metadata(ns, name);
    metadataById.put(imageId, meta);
    return meta;
  }

  private @Nullable Listed fetch(String ns, RbdImage image, boolean hasBase) {
    try {
      return listed(image, metadata(ns, image.name(), image.id()), hasBase);
    } catch (ContainerNotFoundException gone) {
      return null; // removed since the listing
    }
  }

  private static @Nullable Listed listed(
      RbdImage image, Map<String, String> meta, boolean hasBase) {
    return ImageRecord.from(meta)
        .map(
            record ->
                new Listed(
                    image,
                    record,
                    ImageRecord.labelsFrom(meta),
                    meta.get(ImageRecord.COPY_KEY),
                    hasBase))
        .orElse(null);
  }
}
