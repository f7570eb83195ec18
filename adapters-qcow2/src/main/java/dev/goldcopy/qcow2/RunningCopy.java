package dev.goldcopy.qcow2;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A physical copy this adapter instance is running: its record, the lock that tells other
 * processes it is alive, the {@code qemu-img convert} process, and the result every same-name
 * caller waits for.
 */
final class RunningCopy {
  private final StoreLayout layout;
  private final ContainerRecord record;
  private final ContainerId id;
  private final Path source;
  private final FileLocks.Held lock;
  private final CompletableFuture<Container> result = new CompletableFuture<>();
  private @Nullable Process process;
  private boolean aborted;

  RunningCopy(
      StoreLayout layout, ContainerRecord record, ContainerId id, Path source, FileLocks.Held lock) {
    this.layout = layout;
    this.record = record;
    this.id = id;
    this.source = source;
    this.lock = lock;
  }

  StoreLayout layout() {
    return layout;
  }

  ContainerRecord record() {
    return record;
  }

  ContainerId id() {
    return id;
  }

  /** The source's image file. */
  Path source() {
    return source;
  }

  /** Where the copy is written until it is renamed into place. */
  Path target() {
    return layout.copyTarget(record.name(), record.token());
  }

  FileLocks.Held lock() {
    return lock;
  }

  /** The result every caller of this copy waits for. */
  CompletableFuture<Container> result() {
    return result;
  }

  /** Notes the started process; stops it at once if the copy was aborted meanwhile. */
  synchronized void started(Process p) {
    process = p;
    if (aborted) {
      p.destroy();
    }
  }

  /** Stops the copy: its container was deleted, or the adapter is closing. */
  synchronized void abort() {
    aborted = true;
    Process p = process;
    if (p != null) {
      p.destroy();
    }
  }

  synchronized boolean aborted() {
    return aborted;
  }
}
