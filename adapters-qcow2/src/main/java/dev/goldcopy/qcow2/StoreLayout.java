package dev.goldcopy.qcow2;

import dev.goldcopy.spi.StoreRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where one store's files live. A container named {@code N} is the image file {@code DIR/N}; the
 * adapter keeps its own files in {@code DIR/.goldcopy/}: the record of {@code N} in {@code
 * meta/N}, and the half-made images of copies in progress in {@code tmp/}. Container names never
 * start with a dot, so they never meet the adapter's files.
 */
final class StoreLayout {
  /** The adapter's directory inside each store directory. */
  static final String ADMIN_DIR = ".goldcopy";

  static final String COPY_SUFFIX = ".qcow2";
  static final String LOCK_SUFFIX = ".lock";
  static final String NEW_SUFFIX = ".new";

  private final StoreRef owner;
  private final Path dir;
  private final Path metaDir;
  private final Path tmpDir;
  private @Nullable FileStore fileStore;

  StoreLayout(StoreRef owner, Path dir) {
    this.owner = owner;
    this.dir = dir;
    this.metaDir = dir.resolve(ADMIN_DIR).resolve("meta");
    this.tmpDir = dir.resolve(ADMIN_DIR).resolve("tmp");
  }

  /** The tenant that owns the store, and the store. */
  StoreRef owner() {
    return owner;
  }

  /** The store's directory. */
  Path dir() {
    return dir;
  }

  Path metaDir() {
    return metaDir;
  }

  Path tmpDir() {
    return tmpDir;
  }

  /** The image of container {@code name}. */
  Path image(String name) {
    return dir.resolve(name);
  }

  /** The record (sidecar) of container {@code name}. */
  Path record(String name) {
    return metaDir.resolve(name);
  }

  /** Where a physical copy writes before it is renamed into place. */
  Path copyTarget(String name, String token) {
    return tmpDir.resolve(name + "." + token + COPY_SUFFIX);
  }

  /** The lock a running physical copy holds; free once the copying process is gone. */
  Path copyLock(String name, String token) {
    return tmpDir.resolve(name + "." + token + LOCK_SUFFIX);
  }

  /** Where a new overlay or origin is made before it is renamed into place. */
  Path newImage(String name, String token) {
    return tmpDir.resolve(name + "." + token + NEW_SUFFIX);
  }

  /** Creates the store's directories if they are missing. */
  void createDirectories() throws IOException {
    Files.createDirectories(metaDir);
    Files.createDirectories(tmpDir);
  }

  /** The file system the store lives on; looked up once. */
  synchronized FileStore fileStore() throws IOException {
    FileStore fs = fileStore;
    if (fs == null) {
      fs = Files.getFileStore(dir);
      fileStore = fs;
    }
    return fs;
  }

  /**
   * Reads the record of {@code name}.
   *
   * @return the record, or empty if there is none
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not a record
   */
  Optional<ContainerRecord> readRecord(String name) throws IOException {
    try {
      return Optional.of(ContainerRecord.decode(Files.readAllBytes(record(name))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a record atomically: to a temporary file, flushed to disk, then renamed over the old
   * one, so a reader (or a crash) sees the old record or the new one, never a torn one.
   */
  void writeRecord(ContainerRecord record) throws IOException {
    Path target = record(record.name());
    Path temp = metaDir.resolve("." + record.name() + "." + record.token() + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(record.encode());
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    }
    moveAtomically(temp, target);
    syncDirectory(metaDir);
  }

  /** Removes the record of {@code name}, if any. */
  void deleteRecord(String name) throws IOException {
    Files.deleteIfExists(record(name));
    syncDirectory(metaDir);
  }

  /**
   * Renames {@code from} to {@code to} in one step. The caller has checked, under the adapter's
   * lock, that {@code to} does not exist.
   */
  static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename " + from + " atomically", e);
    }
  }

  /** Flushes a directory's entries to disk where the platform allows it (Linux does). */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every file system lets a directory be opened or flushed; the rename is still atomic.
    }
  }
}
