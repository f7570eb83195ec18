package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.StoreId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adapter's view of its root directory, and the one lock that guards it.
 *
 * <p>Every operation runs in a {@link Session}: it takes the lock file {@code ROOT/.goldcopy/lock}
 * (see {@link FileLocks}), so operations of all threads, adapter instances and processes on the root
 * happen one at a time. One lock for all stores, rather than one per store, because array-wide
 * totals and the free space of a shared file system span stores, and they must hold exactly.
 *
 * <p>The stores' contents are cached between sessions. A counter in {@code ROOT/.goldcopy/generation},
 * raised before a session first changes anything, tells a session whether another instance changed
 * the directory since this one last looked; if so, every store is read again. A crash mid-session
 * thus always leaves a raised counter. Copies in progress are checked at the start of every session,
 * so a copy whose process died is seen at once (see {@link StoreScanner}).
 */
final class RootState {
  private final Path lockFile;
  private final Path generationFile;
  private final Map<StoreId, StoreLayout> layouts;
  private final Map<StoreId, StoreIndex> cache = new HashMap<>();
  private long cachedGeneration = -1;

  RootState(Path root, Map<StoreId, StoreLayout> layouts) {
    Path admin = root.resolve(StoreLayout.ADMIN_DIR);
    this.lockFile = admin.resolve("lock");
    this.generationFile = admin.resolve("generation");
    this.layouts = Map.copyOf(layouts);
  }

  /** Work done while holding the lock. */
  interface Work<T> {
    T run(Session session) throws IOException;
  }

  /**
   * Runs {@code work} while holding the root's lock.
   *
   * @throws IOException if the lock cannot be taken or the work fails to read or write
   */
  <T> T locked(Work<T> work) throws IOException {
    Files.createDirectories(lockFile.getParent());
    try (FileLocks.Held held = FileLocks.lock(lockFile)) {
      Session session = new Session();
      boolean opened = false;
      boolean done = false;
      try {
        session.open();
        opened = true;
        T result = work.run(session);
        done = true;
        return result;
      } finally {
        // A failure after a change may leave the cache unlike the directory: read it again next time.
        cachedGeneration = opened && (done || !session.changed) ? session.generation : -1;
      }
    }
  }

  /** One holder of the lock: reads and changes the stores. */
  final class Session {
    private long generation;
    private boolean changed;

    private Session() {}

    private void open() throws IOException {
      generation = readGeneration();
      if (generation != cachedGeneration) {
        cache.clear();
        for (Map.Entry<StoreId, StoreLayout> store : layouts.entrySet()) {
          cache.put(store.getKey(), StoreScanner.scan(store.getValue(), this::changing));
        }
        return;
      }
      for (StoreIndex index : cache.values()) {
        for (ContainerRecord copying : index.copying()) {
          recheckCopy(index, copying);
        }
      }
    }

    /** The store's contents as cached (fresh as of this session's start). */
    StoreIndex index(StoreId store) {
      StoreIndex index = cache.get(store);
      if (index == null) {
        throw new IllegalStateException("no such store: " + store);
      }
      return index;
    }

    /** Reads the store's directory again, headers included, and repairs crash leftovers. */
    StoreIndex rescan(StoreId store) throws IOException {
      StoreIndex fresh = StoreScanner.scan(index(store).layout(), this::changing);
      cache.put(store, fresh);
      return fresh;
    }

    /** Every store's contents. */
    Collection<StoreIndex> all() {
      return cache.values();
    }

    /**
     * Declares that the session is about to change the directory. Raises the generation counter
     * once per session, before the first change.
     */
    void changing() {
      if (changed) {
        return;
      }
      try {
        writeGeneration(generation + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      generation++;
      changed = true;
    }

    private void recheckCopy(StoreIndex index, ContainerRecord copying) throws IOException {
      StoreLayout layout = index.layout();
      if (FileLocks.isHeld(layout.copyLock(copying.name(), copying.token()))) {
        return;
      }
      changing();
      Optional<Qcow2Header> image = Optional.empty();
      if (Files.exists(layout.image(copying.name()))) {
        image = Qcow2Header.read(layout.image(copying.name()));
      }
      ContainerRecord next =
          image.isPresent()
              ? copying.with(ContainerState.READY, image.get().sizeBytes(), null)
              : copying.with(ContainerState.FAILED, copying.sizeBytes(), StoreScanner.DEAD_COPY);
      layout.writeRecord(next);
      StoreScanner.removeCopyFiles(layout, copying);
      index.put(next);
    }
  }

  /** Every store's layout, in no particular order. */
  List<StoreLayout> layouts() {
    return new ArrayList<>(layouts.values());
  }

  private long readGeneration() throws IOException {
    try (FileChannel channel = FileChannel.open(generationFile, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read on
      }
      return buffer.position() == Long.BYTES ? buffer.getLong(0) : 0;
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  private void writeGeneration(long value) throws IOException {
    // No flush: the counter only tells live instances that their cache is stale; after a machine
    // crash every instance starts with an empty cache anyway.
    try (FileChannel channel =
        FileChannel.open(generationFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES).putLong(0, value);
      while (buffer.hasRemaining()) {
        channel.write(buffer, buffer.position());
      }
    }
  }
}
