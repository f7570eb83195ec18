package dev.goldcopy.qcow2;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Exclusive locks on files that hold across threads, adapter instances and processes.
 *
 * <p>A lock is two locks taken in order: a semaphore shared by the whole JVM (so two adapter
 * instances in one process exclude each other, and a lock may be released by another thread than
 * the one that took it), then an operating-system lock on the file ({@link FileChannel#lock()}:
 * POSIX {@code fcntl} locks on Linux, which NFS carries to the server). Taking the semaphore first
 * also means the JVM never opens a second channel on a file it holds locked: closing such a channel
 * would drop the process's lock.
 *
 * <p>The operating system releases a process's locks when it dies, so a lock held by a crashed
 * process is free at once; {@link #isHeld(Path)} tells a running copy from a dead one that way.
 */
final class FileLocks {
  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private FileLocks() {}

  /**
   * Takes the lock on {@code file}, creating the file if needed, and waits for it as long as it
   * takes.
   *
   * @param file the lock file (an absolute, normalized path)
   * @return the held lock, to be closed to release it
   * @throws IOException if the file cannot be opened or locked, or the wait is interrupted
   */
  static Held lock(Path file) throws IOException {
    Semaphore inProcess = semaphore(file);
    try {
      inProcess.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the lock on " + file);
    }
    return lockFile(file, inProcess, true);
  }

  /**
   * Takes the lock on a new or existing {@code file} if nobody holds it.
   *
   * @param file the lock file (an absolute, normalized path)
   * @return the held lock, or {@code null} if another thread or process holds it
   * @throws IOException if the file cannot be opened or locked
   */
  static @Nullable Held tryLock(Path file) throws IOException {
    Semaphore inProcess = semaphore(file);
    if (!inProcess.tryAcquire()) {
      return null;
    }
    Held held = lockFile(file, inProcess, false);
    return held.lock == null ? null : held;
  }

  /**
   * Returns whether a thread or process holds the lock on {@code file} now. A missing file is not
   * held. Does not create the file.
   *
   * @param file the lock file (an absolute, normalized path)
   * @return true if the lock is held
   * @throws IOException if the file exists but cannot be opened or probed
   */
  static boolean isHeld(Path file) throws IOException {
    Semaphore inProcess = semaphore(file);
    if (!inProcess.tryAcquire()) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock();
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (NoSuchFileException e) {
      return false;
    } finally {
      inProcess.release();
    }
  }

  private static Semaphore semaphore(Path file) {
    return IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
  }

  /** Opens and locks the file while holding {@code inProcess}; releases it on any failure. */
  private static Held lockFile(Path file, Semaphore inProcess, boolean wait) throws IOException {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = wait ? channel.lock() : channel.tryLock();
      if (lock == null) {
        channel.close();
        inProcess.release();
        return new Held(file, null, null, inProcess);
      }
      return new Held(file, channel, lock, inProcess);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      inProcess.release();
      throw e;
    }
  }

  /** A lock held on a file; {@link #close()} releases it, once. */
  static final class Held implements AutoCloseable {
    private final Path file;
    private final @Nullable FileChannel channel;
    private final @Nullable FileLock lock;
    private final Semaphore inProcess;
    private boolean released;

    private Held(
        Path file, @Nullable FileChannel channel, @Nullable FileLock lock, Semaphore inProcess) {
      this.file = file;
      this.channel = channel;
      this.lock = lock;
      this.inProcess = inProcess;
      this.released = lock == null;
    }

    /**
     * Returns the locked file.
     *
     * @return its path
     */
    Path file() {
      return file;
    }

    /**
     * Releases the lock; later calls do nothing.
     *
     * @throws IOException if the channel cannot be closed (the lock is released anyway)
     */
    @Override
    public synchronized void close() throws IOException {
      if (released) {
        return;
      }
      released = true;
      try {
        if (channel != null) {
          channel.close(); // releases the OS lock with it
        }
      } finally {
        inProcess.release();
      }
    }
  }
}
