package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link CephRbdAdapter}; every setter returns this builder.
 *
 * <h2>Limits</h2>
 *
 * <p>Ceph itself limits none of what Goldcopy plans around: no per-snapshot child limit appears
 * at 1,000 clones of one snapshot, clone chains 30 deep work, and a pool holds as many images as
 * it has room for. The limits an adapter declares are therefore the operator's policy; the
 * defaults are:
 *
 * <ul>
 *   <li>{@value #DEFAULT_MAX_VIRTUAL_COPIES_PER_SOURCE} virtual copies per source. Every clone reads
 *       what it has not rewritten from its master, so one master's clones share its placement
 *       groups; more masters spread those reads, and keep listing and deleting one master's
 *       clones quick ({@code rbd children} takes about 3.7 s at 1,000). The adapter takes one
 *       snapshot per master however many clones it has, so the kernel client's limit of 510
 *       snapshots per image is never approached.
 *   <li>No array-wide total of virtual copies or containers.
 *   <li>Depth 1: a virtual copy is not the source of another (OpenStack and Proxmox flatten deep
 *       chains for the same reason: every level adds a read hop).
 *   <li>{@value #DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES} physical copies at once (each flatten
 *       reads and writes the whole image); no limit on virtual copy creations, which queue on the
 *       adapter's executor.
 *   <li>Capacity from the pool (byte quota, else the cluster's raw size over the pool's replica
 *       count), each master counted at its full provisioned size and each clone at nothing when
 *       made ({@link CopyCosts} 100 % and 0 bytes).
 * </ul>
 */
public final class CephRbdAdapterBuilder {

  /** The default per-source virtual copy limit. */
  public static final int DEFAULT_MAX_VIRTUAL_COPIES_PER_SOURCE = 500;

  /** The default number of physical copies that may run at once. */
  public static final int DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES = 2;

  /** The default container name rules: 1 to 255 of {@code [A-Za-z0-9._-]}, not starting with '.', '_' or '-'. */
  public static final NameRules DEFAULT_NAME_RULES =
      new NameRules(255, "[A-Za-z0-9][A-Za-z0-9._-]*", true);

  private String pool = "rbd";
  private Path conf = Path.of("/etc/ceph/ceph.conf");
  private Path keyring = Path.of("/etc/ceph/ceph.client.admin.keyring");
  private @Nullable String clientId;
  private String rbdCommand = "rbd";
  private String cephCommand = "ceph";
  private final Map<StoreRef, String> namespaces = new LinkedHashMap<>();
  private int perSource = DEFAULT_MAX_VIRTUAL_COPIES_PER_SOURCE;
  private int virtualTotal = ArrayCapabilities.UNLIMITED;
  private int containersTotal = ArrayCapabilities.UNLIMITED;
  private int depth = 1;
  private int concurrentPhysical = DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES;
  private int concurrentVirtual = ArrayCapabilities.UNLIMITED;
  private long capacityBytes;
  private CopyCosts copyCosts = new CopyCosts(100, 0);
  private long copyBandwidth = ArrayCapabilities.UNLIMITED;
  private NameRules nameRules = DEFAULT_NAME_RULES;
  private Duration callTimeout = Duration.ofMinutes(2);
  private Duration copyTimeout = Duration.ofHours(6);
  private @Nullable Executor executor;
  private int callThreads = 4;
  private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

  CephRbdAdapterBuilder() {}

  /**
   * Sets the RBD pool ({@code rbd} by default); it must exist and be initialised ({@code rbd pool
   * init}).
   *
   * @param value the pool's name
   * @return this builder
   */
  public CephRbdAdapterBuilder pool(String value) {
    this.pool = requireNonNull(value, "pool");
    return this;
  }

  /**
   * Sets the cluster's configuration file ({@code /etc/ceph/ceph.conf} by default), passed to the
   * tools as {@code -c}.
   *
   * @param value the file
   * @return this builder
   */
  public CephRbdAdapterBuilder conf(Path value) {
    this.conf = requireNonNull(value, "conf");
    return this;
  }

  /**
   * Sets the client's keyring ({@code /etc/ceph/ceph.client.admin.keyring} by default), passed to
   * the tools as {@code -k}.
   *
   * @param value the file
   * @return this builder
   */
  public CephRbdAdapterBuilder keyring(Path value) {
    this.keyring = requireNonNull(value, "keyring");
    return this;
  }

  /**
   * Sets the cephx user, without {@code client.} (the tools' default, admin, if not set). It needs
   * {@code profile rbd} on the pool, read access to the monitors for {@code ceph df}, and, to
   * abort copies at once, the right to run {@code osd blocklist}.
   *
   * @param value the user
   * @return this builder
   */
  public CephRbdAdapterBuilder clientId(String value) {
    this.clientId = requireNonNull(value, "clientId");
    return this;
  }

  /**
   * Sets the rbd and ceph programs ({@code rbd} and {@code ceph} on the path by default).
   *
   * @param rbd the rbd program
   * @param ceph the ceph program
   * @return this builder
   */
  public CephRbdAdapterBuilder commands(String rbd, String ceph) {
    this.rbdCommand = requireNonNull(rbd, "rbd");
    this.cephCommand = requireNonNull(ceph, "ceph");
    return this;
  }

  /**
   * Serves a store in its default namespace {@code <tenant>.<store>}; if that has characters
   * other than letters, digits, '_', '.' and '-', or is longer than 64, they are replaced by '_'
   * and a short hash of the store is added, so two stores never share a namespace.
   *
   * @param store the tenant and store
   * @return this builder
   */
  public CephRbdAdapterBuilder store(StoreRef store) {
    return store(store, Namespaces.defaultFor(requireNonNull(store, "store")));
  }

  /**
   * Serves a store in a namespace of the operator's choice.
   *
   * @param store the tenant and store
   * @param namespace 1 to 64 letters, digits, '_', '.' or '-'
   * @return this builder
   * @throws IllegalArgumentException if the namespace is malformed
   */
  public CephRbdAdapterBuilder store(StoreRef store, String namespace) {
    requireNonNull(store, "store");
    if (!Namespaces.isValid(requireNonNull(namespace, "namespace"))) {
      throw new IllegalArgumentException(
          "namespace must be 1 to 64 of [A-Za-z0-9_.-]: '" + namespace + "'");
    }
    namespaces.put(store, namespace);
    return this;
  }

  /**
   * Sets the per-source virtual copy limit.
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder maxVirtualCopiesPerSource(int value) {
    this.perSource = nonNegative("maxVirtualCopiesPerSource", value);
    return this;
  }

  /**
   * Sets the limit of virtual copies in all stores the adapter serves.
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder maxVirtualCopiesTotal(int value) {
    this.virtualTotal = nonNegative("maxVirtualCopiesTotal", value);
    return this;
  }

  /**
   * Sets the limit of containers of every kind in all stores the adapter serves.
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder maxContainersTotal(int value) {
    this.containersTotal = nonNegative("maxContainersTotal", value);
    return this;
  }

  /**
   * Sets how deep virtual copies may chain (1 by default: no clone of a clone).
   *
   * @param value the depth, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder maxLocalReplicationDepth(int value) {
    this.depth = nonNegative("maxLocalReplicationDepth", value);
    return this;
  }

  /**
   * Sets how many physical copies may run at once; more are answered busy.
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder maxConcurrentPhysicalCopies(int value) {
    this.concurrentPhysical = nonNegative("maxConcurrentPhysicalCopies", value);
    return this;
  }

  /**
   * Sets how many virtual copy creations may run at once; more are answered busy.
   *
   * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder maxConcurrentVirtualCopies(int value) {
    this.concurrentVirtual = nonNegative("maxConcurrentVirtualCopies", value);
    return this;
  }

  /**
   * Sets the capacity to declare and account against, instead of the pool's.
   *
   * @param value bytes, or 0 to take it from the pool
   * @return this builder
   */
  public CephRbdAdapterBuilder capacityBytes(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("capacityBytes must not be negative: " + value);
    }
    this.capacityBytes = value;
    return this;
  }

  /**
   * Sets what copies cost in capacity (100 % of the source and 0 bytes by default).
   *
   * @param value the costs
   * @return this builder
   */
  public CephRbdAdapterBuilder copyCosts(CopyCosts value) {
    this.copyCosts = requireNonNull(value, "copyCosts");
    return this;
  }

  /**
   * Sets the copy rate to declare (not said by default).
   *
   * @param value bytes per second, or {@link ArrayCapabilities#UNLIMITED}
   * @return this builder
   */
  public CephRbdAdapterBuilder copyBandwidthBytesPerSecond(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("copyBandwidthBytesPerSecond must not be negative");
    }
    this.copyBandwidth = value;
    return this;
  }

  /**
   * Sets the longest container name, in bytes (255 by default); names keep the default
   * characters.
   *
   * @param value bytes
   * @return this builder
   */
  public CephRbdAdapterBuilder maxNameLength(int value) {
    this.nameRules = new NameRules(value, DEFAULT_NAME_RULES.allowed(), true);
    return this;
  }

  /**
   * Sets how long one short tool call may run (2 minutes by default) and one physical copy (6
   * hours by default); a call past its time is killed and answered as a transient failure.
   *
   * @param call the limit of a short call; above 30 s, since removing an image a killed tool
   *     still watched waits that long when the client may not blocklist
   * @param copy the limit of a copy
   * @return this builder
   */
  public CephRbdAdapterBuilder timeouts(Duration call, Duration copy) {
    this.callTimeout = positive("call", call);
    this.copyTimeout = positive("copy", copy);
    return this;
  }

  /**
   * Sets the executor the blocking tool calls run on; by default the adapter runs its own {@code
   * threads} threads (4), which it stops when closed.
   *
   * @param value the executor; it needs at least one free thread per call in progress
   * @return this builder
   */
  public CephRbdAdapterBuilder executor(Executor value) {
    this.executor = requireNonNull(value, "executor");
    return this;
  }

  /**
   * Sets how many threads the adapter's own executor has (4 by default).
   *
   * @param value at least 1
   * @return this builder
   */
  public CephRbdAdapterBuilder threads(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + value);
    }
    this.callThreads = value;
    return this;
  }

  /**
   * Sets where the tools' output is kept while they run (the JVM's temporary directory by
   * default).
   *
   * @param value a directory
   * @return this builder
   */
  public CephRbdAdapterBuilder tempDir(Path value) {
    this.tempDir = requireNonNull(value, "tempDir");
    return this;
  }

  /**
   * Builds the adapter. Nothing is run yet: the first call reaches the cluster.
   *
   * @return the adapter
   * @throws IllegalStateException if no store is served or two stores share a namespace
   */
  public CephRbdAdapter build() {
    if (namespaces.isEmpty()) {
      throw new IllegalStateException("the adapter serves no store: call store(...)");
    }
    if (new HashSet<>(namespaces.values()).size() != namespaces.size()) {
      throw new IllegalStateException("two stores share a namespace: " + namespaces);
    }
    Settings settings =
        new Settings(
            pool,
            conf,
            keyring,
            clientId,
            rbdCommand,
            cephCommand,
            namespaces,
            new Settings.Limits(
                perSource, virtualTotal, containersTotal, depth, concurrentPhysical,
                concurrentVirtual),
            capacityBytes,
            copyCosts,
            copyBandwidth,
            nameRules,
            callTimeout,
            copyTimeout,
            tempDir);
    return new CephRbdAdapter(settings, new Threads(executor, callThreads));
  }

  private static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
    return value;
  }

  private static Duration positive(String field, Duration value) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " timeout must be positive: " + value);
    }
    return value;
  }
}
