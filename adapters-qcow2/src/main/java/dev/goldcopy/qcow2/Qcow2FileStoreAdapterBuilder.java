package dev.goldcopy.qcow2;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link Qcow2FileStoreAdapter}: the root directory, which tenant's store lives in
 * which subdirectory of it, the limits the operator declares, and how the adapter runs. Every
 * setter returns this builder.
 *
 * <p>A file store has no copy limits of its own; the defaults are the operator's starting point:
 *
 * <ul>
 *   <li>no per-source, array-wide or container limit: qemu opens any number of overlays of one
 *       image, and the page cache serves their shared reads;
 *   <li>replication depth 1 (no overlay of an overlay): each level adds a file every read may
 *       visit and a file the machine depends on, and Goldcopy's plans need none;
 *   <li>2 physical copies at once: a copy streams a whole image, and more than two on one disk
 *       mostly trade bandwidth for seeks;
 *   <li>no limit on overlay creations in flight: each takes a few milliseconds, one at a time;
 *   <li>copy costs: a physical copy reserves the source's whole logical size (a conversion writes
 *       at most that), a new overlay 256 KiB (its size with 64 KiB clusters, measured);
 *   <li>no capacity quota: the free capacity is the file system's free space, less what running
 *       copies have reserved;
 *   <li>{@code qemu-img} from the {@code PATH}; a cached pool of daemon threads, closed with the
 *       adapter; copies and waiters look for deletions every 200 ms.
 * </ul>
 */
public final class Qcow2FileStoreAdapterBuilder {
  /** What a new overlay takes on disk with 64 KiB clusters (its end offset, measured). */
  static final long OVERLAY_BYTES = 256L * 1024;

  private final Path root;
  private final Map<StoreId, Mapping> stores = new LinkedHashMap<>();
  private int maxVirtualCopiesPerSource = ArrayCapabilities.UNLIMITED;
  private int maxVirtualCopiesTotal = ArrayCapabilities.UNLIMITED;
  private int maxContainersTotal = ArrayCapabilities.UNLIMITED;
  private int maxLocalReplicationDepth = 1;
  private int maxConcurrentPhysicalCopies = 2;
  private int maxConcurrentVirtualCopies = ArrayCapabilities.UNLIMITED;
  private long copyBandwidthBytesPerSecond = ArrayCapabilities.UNLIMITED;
  private CopyCosts copyCosts = CopyCosts.thick(OVERLAY_BYTES);
  private long capacityQuotaBytes;
  private String qemuImg = "qemu-img";
  private @Nullable ImageTool imageTool;
  private @Nullable Executor executor;
  private Duration pollInterval = Duration.ofMillis(200);

  Qcow2FileStoreAdapterBuilder(Path root) {
    this.root = root;
  }

  /**
   * Maps a tenant's store to a subdirectory of the root, created if missing.
   *
   * @param store the tenant that owns the store, and the store
   * @param subdirectory a relative path of plain names (no {@code ..}, none starting with a dot),
   *     inside no other store's subdirectory
   * @return this builder
   * @throws IllegalArgumentException if the store is mapped already or the path is not allowed
   */
  public Qcow2FileStoreAdapterBuilder store(StoreRef store, String subdirectory) {
    requireNonNull(store, "store");
    Path dir = Path.of(requireNonNull(subdirectory, "subdirectory"));
    if (dir.isAbsolute() || dir.getNameCount() == 0 || subdirectory.isEmpty()) {
      throw new IllegalArgumentException("subdirectory must be relative: " + subdirectory);
    }
    for (Path part : dir) {
      String s = part.toString();
      if (s.isEmpty() || s.startsWith(".") || s.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "subdirectory parts must not be empty or start with a dot: " + subdirectory);
      }
    }
    if (stores.containsKey(store.store())) {
      throw new IllegalArgumentException("store " + store.store() + " is mapped already");
    }
    for (Mapping other : stores.values()) {
      if (other.dir().startsWith(dir) || dir.startsWith(other.dir())) {
        throw new IllegalArgumentException(
            "subdirectory " + subdirectory + " overlaps another store's " + other.dir());
      }
    }
    stores.put(store.store(), new Mapping(store, dir));
    return this;
  }

  /**
   * Sets the most overlays one master may have (default: no limit).
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder maxVirtualCopiesPerSource(int value) {
    this.maxVirtualCopiesPerSource = nonNegative("maxVirtualCopiesPerSource", value);
    return this;
  }

  /**
   * Sets the most overlays of all stores together (default: no limit).
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder maxVirtualCopiesTotal(int value) {
    this.maxVirtualCopiesTotal = nonNegative("maxVirtualCopiesTotal", value);
    return this;
  }

  /**
   * Sets the most containers of every kind of all stores together (default: no limit).
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder maxContainersTotal(int value) {
    this.maxContainersTotal = nonNegative("maxContainersTotal", value);
    return this;
  }

  /**
   * Sets how deep overlays may chain (default 1: no overlay of an overlay).
   *
   * @param value the depth, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder maxLocalReplicationDepth(int value) {
    this.maxLocalReplicationDepth = nonNegative("maxLocalReplicationDepth", value);
    return this;
  }

  /**
   * Sets how many physical copies may run at once in all stores (default 2).
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder maxConcurrentPhysicalCopies(int value) {
    this.maxConcurrentPhysicalCopies = nonNegative("maxConcurrentPhysicalCopies", value);
    return this;
  }

  /**
   * Sets how many overlay creations this adapter instance accepts at once before it answers busy
   * (default: no limit).
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder maxConcurrentVirtualCopies(int value) {
    this.maxConcurrentVirtualCopies = nonNegative("maxConcurrentVirtualCopies", value);
    return this;
  }

  /**
   * Declares the rate copies move bytes at, for planning (default: not declared).
   *
   * @param value bytes per second, or {@link ArrayCapabilities#UNLIMITED} if unknown
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder copyBandwidthBytesPerSecond(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("copyBandwidthBytesPerSecond must not be negative");
    }
    this.copyBandwidthBytesPerSecond = value;
    return this;
  }

  /**
   * Sets what a new copy reserves and is declared to cost (default: thick, 256 KiB per overlay).
   * Declare a lower physical share if the golden images are known to be sparse.
   *
   * @param value the costs
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder copyCosts(CopyCosts value) {
    this.copyCosts = requireNonNull(value, "copyCosts");
    return this;
  }

  /**
   * Gives the adapter a quota: the most its containers may take in all stores together (default:
   * none). With a quota, capacity is accounted, not measured: each master counts its physical copy
   * cost and each overlay its creation cost ({@link #copyCosts}), so the free capacity the adapter
   * reports does not move with what other programs write to the same disk; it is never more than
   * the file system's free space, either. Use it to allot Goldcopy a share of a datastore.
   *
   * @param bytes the quota, or 0 for none
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder capacityQuotaBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("capacityQuotaBytes must not be negative: " + bytes);
    }
    this.capacityQuotaBytes = bytes;
    return this;
  }

  /**
   * Sets the qemu-img to run (default: {@code qemu-img} from the {@code PATH}).
   *
   * @param value a command name or a path
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder qemuImg(String value) {
    this.qemuImg = requireNonNull(value, "qemuImg");
    return this;
  }

  /** Puts a stand-in in qemu-img's place (tests). */
  Qcow2FileStoreAdapterBuilder imageTool(ImageTool value) {
    this.imageTool = requireNonNull(value, "imageTool");
    return this;
  }

  /**
   * Sets the executor for the adapter's blocking work (file access, qemu-img). A running copy
   * holds one of its threads until it ends, so a bounded executor needs a thread per allowed
   * concurrent copy and more. The adapter does not shut a given executor down.
   *
   * @param value the executor
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder executor(Executor value) {
    this.executor = requireNonNull(value, "executor");
    return this;
  }

  /**
   * Sets how often a running copy checks that its container was not deleted by another process,
   * and a caller waiting for another process's copy looks again (default 200 ms).
   *
   * @param value a positive interval
   * @return this builder
   */
  public Qcow2FileStoreAdapterBuilder pollInterval(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + value);
    }
    this.pollInterval = value;
    return this;
  }

  /**
   * Builds the adapter and creates the stores' subdirectories that are missing.
   *
   * @return the adapter
   * @throws IllegalArgumentException if the root is not a directory or no store is mapped
   * @throws UncheckedIOException if a store's directory cannot be created
   */
  public Qcow2FileStoreAdapter build() {
    if (stores.isEmpty()) {
      throw new IllegalArgumentException("map at least one store to a subdirectory");
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("root is not a directory: " + root);
    }
    Map<StoreId, StoreLayout> layouts = new LinkedHashMap<>();
    Path realRoot;
    try {
      realRoot = root.toRealPath();
      for (Mapping m : stores.values()) {
        Path dir = realRoot.resolve(m.dir()).normalize();
        Files.createDirectories(dir);
        StoreLayout layout = new StoreLayout(m.owner(), dir.toRealPath());
        layout.createDirectories();
        layouts.put(m.owner().store(), layout);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Settings settings =
        new Settings(
            maxVirtualCopiesPerSource,
            maxVirtualCopiesTotal,
            maxContainersTotal,
            maxLocalReplicationDepth,
            maxConcurrentPhysicalCopies,
            maxConcurrentVirtualCopies,
            copyBandwidthBytesPerSecond,
            copyCosts,
            capacityQuotaBytes,
            pollInterval);
    Executor runOn = executor;
    ExecutorService owned = null;
    if (runOn == null) {
      owned = Executors.newCachedThreadPool(daemonThreads());
      runOn = owned;
    }
    ImageTool tool = imageTool;
    return new Qcow2FileStoreAdapter(
        realRoot, layouts, settings, tool != null ? tool : new QemuImg(qemuImg), runOn, owned);
  }

  /** A store and the subdirectory it lives in. */
  private record Mapping(StoreRef owner, Path dir) {}

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "goldcopy-qcow2-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
    return value;
  }
}
