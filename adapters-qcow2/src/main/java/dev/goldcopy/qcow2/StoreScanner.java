package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a store directory into a {@link StoreIndex} and repairs what a crash left, under the
 * adapter's lock:
 *
 * <ul>
 *   <li>a virtual copy's record without its image: the create never finished (the record is
 *       written before the image is renamed into place), or a delete did not; the record goes;
 *   <li>a ready master's record without its image: a delete did not finish; the record goes;
 *   <li>a copying record whose image is in place: the copy finished but the record was not
 *       updated; it becomes ready;
 *   <li>a copying record whose copy lock nobody holds: the process that copied is gone; it becomes
 *       {@link ContainerState#FAILED}, keeping its name and labels, and its half-made image goes;
 *   <li>files in the adapter's temporary directory that no running copy holds go.
 * </ul>
 */
final class StoreScanner {
  static final String DEAD_COPY =
      "the process that was copying stopped before the copy finished (an adapter was stopped or"
          + " crashed)";

  private StoreScanner() {}

  /**
   * Scans a store.
   *
   * @param layout the store
   * @param changing called before the first change the scan makes to the directory
   * @return the index
   * @throws IOException if the directory cannot be read or repaired
   */
  static StoreIndex scan(StoreLayout layout, Runnable changing) throws IOException {
    layout.createDirectories();
    StoreIndex index = new StoreIndex(layout);
    Map<String, Qcow2Header> images = readImages(layout, index);
    try (DirectoryStream<Path> metas = Files.newDirectoryStream(layout.metaDir())) {
      for (Path meta : metas) {
        String name = meta.getFileName().toString();
        if (name.startsWith(".")) {
          changing.run(); // a record write that never reached its rename
          Files.deleteIfExists(meta);
          continue;
        }
        Optional<ContainerRecord> record = readRecord(meta);
        if (record.isPresent() && record.get().name().equals(name)) {
          reconcile(layout, index, record.get(), images.get(name), changing);
        }
      }
    }
    cleanTemporaries(layout, index, changing);
    return index;
  }

  /**
   * Reads the header of every image file in the store; returns the qcow2 ones by name.
   */
  static Map<String, Qcow2Header> readImages(StoreLayout layout, StoreIndex index)
      throws IOException {
    Map<String, Qcow2Header> images = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.dir())) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Optional<Qcow2Header> header;
        try {
          header = Qcow2Header.read(file);
        } catch (IOException e) {
          continue; // gone meanwhile, or unreadable: not an image the adapter can reason about
        }
        if (header.isPresent()) {
          images.put(name, header.get());
          index.setBacking(name, backingName(layout, header.get()));
        }
      }
    }
    return images;
  }

  /**
   * Returns the name of the file in the store that an image's backing file points to.
   *
   * @return the file name, or {@code null} if there is no backing file or it lies elsewhere
   */
  static @Nullable String backingName(StoreLayout layout, Qcow2Header header) {
    String backing = header.backingFile();
    if (backing == null) {
      return null;
    }
    Path path;
    try {
      path = Path.of(backing);
    } catch (InvalidPathException e) {
      return null;
    }
    Path resolved = (path.isAbsolute() ? path : layout.dir().resolve(path)).normalize();
    Path file = resolved.getFileName();
    return file != null && layout.dir().equals(resolved.getParent()) ? file.toString() : null;
  }

  private static Optional<ContainerRecord> readRecord(Path meta) {
    try {
      return Optional.of(ContainerRecord.decode(Files.readAllBytes(meta)));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // gone meanwhile, or not a record of ours
    }
  }

  private static void reconcile(
      StoreLayout layout,
      StoreIndex index,
      ContainerRecord record,
      @Nullable Qcow2Header image,
      Runnable changing)
      throws IOException {
    String name = record.name();
    if (record.state() == ContainerState.COPYING) {
      if (image != null) {
        changing.run();
        ContainerRecord ready = record.with(ContainerState.READY, image.sizeBytes(), null);
        layout.writeRecord(ready);
        removeCopyFiles(layout, record);
        index.put(ready);
      } else if (FileLocks.isHeld(layout.copyLock(name, record.token()))) {
        index.put(record);
      } else {
        changing.run();
        ContainerRecord failed = record.with(ContainerState.FAILED, record.sizeBytes(), DEAD_COPY);
        layout.writeRecord(failed);
        removeCopyFiles(layout, record);
        index.put(failed);
      }
      return;
    }
    boolean needsImage =
        record.kind() == ContainerKind.VIRTUAL_COPY || record.state() == ContainerState.READY;
    if (needsImage && image == null) {
      changing.run();
      layout.deleteRecord(name);
      return;
    }
    index.put(record);
  }

  static void removeCopyFiles(StoreLayout layout, ContainerRecord record) throws IOException {
    Files.deleteIfExists(layout.copyTarget(record.name(), record.token()));
    Files.deleteIfExists(layout.copyLock(record.name(), record.token()));
  }

  /** Removes temporary files that no live copy in the index owns. */
  private static void cleanTemporaries(StoreLayout layout, StoreIndex index, Runnable changing)
      throws IOException {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(layout.tmpDir())) {
      for (Path temp : temps) {
        if (!ownedByLiveCopy(temp.getFileName().toString(), index)) {
          changing.run();
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  private static boolean ownedByLiveCopy(String file, StoreIndex index) {
    String stem;
    if (file.endsWith(StoreLayout.COPY_SUFFIX)) {
      stem = file.substring(0, file.length() - StoreLayout.COPY_SUFFIX.length());
    } else if (file.endsWith(StoreLayout.LOCK_SUFFIX)) {
      stem = file.substring(0, file.length() - StoreLayout.LOCK_SUFFIX.length());
    } else {
      return false; // an overlay or origin being made: never outside the lock, so a leftover
    }
    int dot = stem.lastIndexOf('.');
    if (dot <= 0) {
      return false;
    }
    Optional<ContainerRecord> owner =
        index.find(stem.substring(0, dot), stem.substring(dot + 1));
    return owner.isPresent() && owner.get().state() == ContainerState.COPYING;
  }
}
