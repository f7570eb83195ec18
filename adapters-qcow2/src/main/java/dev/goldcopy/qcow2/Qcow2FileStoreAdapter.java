package dev.goldcopy.qcow2;

import static dev.goldcopy.spi.ArrayCapabilities.isLimited;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ArrayAdapter} over a directory of qcow2 images, on local disk or NFS, as libvirt,
 * Proxmox and CloudStack keep them. Build one with {@link #builder(Path)}.
 *
 * <h2>What it makes</h2>
 *
 * <ul>
 *   <li>A container named {@code N} in a store is the image file {@code STORE_DIR/N}, so
 *       hypervisors use it as it is.
 *   <li>Physical copy: {@code qemu-img convert -O qcow2} into a temporary file under {@code
 *       STORE_DIR/.goldcopy/tmp/}, listed at once as {@code COPYING}, renamed into place when done.
 *   <li>Virtual copy: a qcow2 overlay whose backing file is the source's bare file name, so the
 *       store directory can be moved or mounted elsewhere as a whole.
 *   <li>Each container's kind, state, content, group, source and labels are kept in a sidecar file
 *       {@code STORE_DIR/.goldcopy/meta/N}, written atomically (temporary file, flush, rename).
 *       Sidecars rather than extended attributes: NFS before 4.2 has none, and copying a directory
 *       with {@code cp} or {@code rsync} without {@code -X} keeps files but drops attributes.
 * </ul>
 *
 * <h2>What it enforces</h2>
 *
 * <p>Nothing in qcow2 stops deleting a backing file or overwriting a name, so the adapter keeps the
 * SPI's rules itself: no delete of a container that an overlay (its own or one made by hand) or a
 * running copy depends on; no overwrite of any file; same-name creates answered idempotently;
 * declared limits exact. Every operation holds one lock file, {@code ROOT/.goldcopy/lock}, taken
 * with {@link java.nio.channels.FileChannel#lock()}, so threads, several adapter instances and
 * several processes on one root (NFS included, where the server supports POSIX locks) take turns.
 * Overlay creation takes a few milliseconds under the lock; physical copies run outside it.
 *
 * <h2>Crashes and restarts</h2>
 *
 * <p>A running copy holds a lock of its own, which the operating system drops when its process
 * dies. The next operation of any instance then lists that copy as {@code FAILED}, with its name
 * and labels, and removes its temporary file; deleting it frees the name. A crash between the steps
 * of a create or delete leaves nothing half-made: the next operation finishes or undoes it.
 *
 * <h2>What it touches</h2>
 *
 * <p>Only image files it made or was given ({@link #adoptOrigin}), and its own {@code .goldcopy}
 * directories. Other files in a store directory are never changed or listed, but their names are
 * never overwritten, and an overlay of an adapter's image made by hand keeps that image from being
 * deleted.
 */
public final class Qcow2FileStoreAdapter implements ArrayAdapter, AutoCloseable {
  private final Path root;
  private final RootState state;
  private final StoreOperations operations;
  private final PhysicalCopies copies;
  private final ImageTool qemuImg;
  private final SerialLane lane;
  private final @Nullable ExecutorService ownedExecutor;
  private final int maxConcurrentVirtualCopies;
  private final AtomicInteger virtualCopiesInFlight = new AtomicInteger();

  Qcow2FileStoreAdapter(
      Path root,
      Map<StoreId, StoreLayout> layouts,
      Settings settings,
      ImageTool imageTool,
      Executor executor,
      @Nullable ExecutorService ownedExecutor) {
    this.root = root;
    this.state = new RootState(root, layouts);
    StoreRules rules = new StoreRules(layouts, settings);
    this.qemuImg = imageTool;
    this.operations = new StoreOperations(rules, qemuImg);
    this.copies = new PhysicalCopies(state, rules, qemuImg, executor);
    this.lane = new SerialLane(executor);
    this.ownedExecutor = ownedExecutor;
    this.maxConcurrentVirtualCopies = settings.maxConcurrentVirtualCopies();
  }

  /**
   * Returns a builder for an adapter over {@code root}, an existing directory.
   *
   * @param root the directory that holds the stores' subdirectories
   * @return a new builder with the documented defaults
   * @throws NullPointerException if {@code root} is null
   */
  public static Qcow2FileStoreAdapterBuilder builder(Path root) {
    return new Qcow2FileStoreAdapterBuilder(requireNonNull(root, "root"));
  }

  /**
   * Returns the root directory, as a real path.
   *
   * @return the root
   */
  public Path root() {
    return root;
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    requireNonNull(store, "store");
    return submit(s -> operations.capabilities(s, store));
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    requireNonNull(store, "store");
    return submit(s -> operations.inventory(s, store));
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    checkCreate(store, source, name, labels);
    CompletableFuture<Container> result = new CompletableFuture<>();
    execute(() -> copies.create(store, source, name, labels, result), result);
    return result;
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    checkCreate(store, source, name, labels);
    if (isLimited(maxConcurrentVirtualCopies)
        && virtualCopiesInFlight.incrementAndGet() > maxConcurrentVirtualCopies) {
      virtualCopiesInFlight.decrementAndGet();
      return CompletableFuture.failedFuture(
          new BusyException(
              maxConcurrentVirtualCopies + " virtual copies are being made, the most allowed"));
    }
    // The slot is given back before the stage completes, so a caller's next call finds it free.
    Runnable release =
        isLimited(maxConcurrentVirtualCopies) ? virtualCopiesInFlight::decrementAndGet : () -> {};
    return submit(s -> operations.createVirtualCopy(s, store, source, name, labels), release);
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    requireNonNull(store, "store");
    requireNonNull(container, "container");
    CompletableFuture<Boolean> deleted =
        submit(
            s -> {
              operations.delete(s, store, container, copies);
              return true;
            });
    return deleted.thenApply(done -> null);
  }

  /**
   * Makes a new, empty origin master: {@code qemu-img create -f qcow2 NAME SIZE} and its sidecar.
   * For tests, and for golden images that are filled afterwards (by a VM booted from it, say).
   * Runs on the calling thread.
   *
   * @param store the tenant and store
   * @param name the image's file name, within the adapter's name rules
   * @param content the content it will hold
   * @param group its replica group
   * @param sizeBytes its logical size; qemu-img rounds it up to 512 bytes
   * @param labels labels to keep with it
   * @return the ready origin
   * @throws ArrayException if the name is taken ({@code ConflictException}), the tenant does not
   *     own the store, the container total is reached, or the file store fails ({@code
   *     TransientArrayException})
   * @throws IllegalArgumentException if the name breaks the rules or the size is not positive
   */
  public Container createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes,
      Labels labels) {
    checkAdmin(store, name, content, group, labels);
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("sizeBytes must be positive: " + sizeBytes);
    }
    return now(s -> operations.createOrigin(s, store, name, content, group, sizeBytes, labels));
  }

  /**
   * Takes an existing standalone qcow2 image {@code STORE_DIR/NAME} (a golden image copied into
   * the store) under management as an origin master, without copying it. Runs on the calling
   * thread.
   *
   * @param store the tenant and store
   * @param name the image's file name in the store directory
   * @param content the content it holds
   * @param group its replica group
   * @param labels labels to keep with it
   * @return the ready origin
   * @throws ArrayException if the adapter already manages the name, the tenant does not own the
   *     store, or the file store fails
   * @throws IllegalArgumentException if the name breaks the rules, or the file is missing, not a
   *     qcow2 image, or an overlay
   */
  public Container adoptOrigin(
      StoreRef store, String name, ContentId content, GroupId group, Labels labels) {
    checkAdmin(store, name, content, group, labels);
    return now(s -> operations.adoptOrigin(s, store, name, content, group, labels));
  }

  /**
   * Returns the first line of {@code qemu-img --version}, which also shows that the configured
   * qemu-img can be run.
   *
   * @return the version line
   * @throws UncheckedIOException if qemu-img cannot be run
   */
  public String qemuImgVersion() {
    try {
      return qemuImg.version();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the adapter: running copies are stopped and calls not yet started are dropped (their
   * stages fail with {@link TransientArrayException}); the next operation on the root, by any
   * instance, lists the stopped copies as failed. Shuts down the executor if the adapter made it.
   * Later calls are refused with {@link IllegalStateException}.
   */
  @Override
  public void close() {
    copies.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      try {
        ownedExecutor.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void checkCreate(StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(name, "name");
    requireNonNull(labels, "labels");
    Settings.NAME_RULES.check("name", name);
    ensureOpen();
  }

  private void checkAdmin(
      StoreRef store, String name, ContentId content, GroupId group, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    requireNonNull(labels, "labels");
    Settings.NAME_RULES.check("name", requireNonNull(name, "name"));
    ensureOpen();
  }

  private void ensureOpen() {
    if (copies.isClosed()) {
      throw new IllegalStateException("the adapter over " + root + " is closed");
    }
  }

  private <T> CompletableFuture<T> submit(RootState.Work<T> work) {
    return submit(work, () -> {});
  }

  /** Runs {@code work} on the lane; runs {@code done} after it and before the stage completes. */
  private <T> CompletableFuture<T> submit(RootState.Work<T> work, Runnable done) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable task =
        () -> {
          if (copies.isClosed()) {
            done.run();
            result.completeExceptionally(new TransientArrayException("the adapter closed"));
            return;
          }
          T value;
          try {
            value = state.locked(work);
          } catch (IOException | RuntimeException e) {
            done.run();
            result.completeExceptionally(Failures.of(e));
            return;
          }
          done.run();
          result.complete(value);
        };
    try {
      ensureOpen();
    } catch (RuntimeException e) {
      done.run();
      throw e;
    }
    if (!execute(task, result)) {
      done.run();
    }
    return result;
  }

  /**
   * Runs a task on the lane; a refusal fails {@code result}, and the task never runs.
   *
   * @return whether the task was accepted
   */
  private boolean execute(Runnable task, CompletableFuture<?> result) {
    try {
      lane.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new BusyException("the adapter's executor refused the call"));
      return false;
    }
  }

  private <T> T now(RootState.Work<T> work) {
    try {
      return state.locked(work);
    } catch (IOException | UncheckedIOException e) {
      throw new TransientArrayException("the file store failed: " + e);
    }
  }
}
