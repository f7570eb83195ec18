package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything an adapter is configured with; built by {@link CephRbdAdapterBuilder}.
 *
 * @param pool the RBD pool
 * @param conf the cluster's configuration file
 * @param keyring the client's keyring
 * @param clientId the cephx user without "client.", or null for admin
 * @param rbdCommand the rbd program
 * @param cephCommand the ceph program
 * @param namespaces the stores served, each with its RBD namespace
 * @param limits the limits declared to callers and enforced
 * @param capacityBytes the capacity to declare, or 0 to take it from the pool
 * @param copyCosts what copies cost in capacity
 * @param copyBandwidthBytesPerSecond the declared copy rate, or 0 if not said
 * @param nameRules the rules for container names
 * @param callTimeout how long one short rbd or ceph command may run
 * @param copyTimeout how long one physical copy may run
 * @param tempDir where the tools' output is kept while they run
 */
record Settings(
    String pool,
    Path conf,
    Path keyring,
    @Nullable String clientId,
    String rbdCommand,
    String cephCommand,
    Map<StoreRef, String> namespaces,
    Limits limits,
    long capacityBytes,
    CopyCosts copyCosts,
    long copyBandwidthBytesPerSecond,
    NameRules nameRules,
    Duration callTimeout,
    Duration copyTimeout,
    Path tempDir) {

  Settings {
    requireNonNull(pool, "pool");
    requireNonNull(conf, "conf");
    requireNonNull(keyring, "keyring");
    requireNonNull(rbdCommand, "rbdCommand");
    requireNonNull(cephCommand, "cephCommand");
    namespaces = Map.copyOf(namespaces);
    requireNonNull(limits, "limits");
    requireNonNull(copyCosts, "copyCosts");
    requireNonNull(nameRules, "nameRules");
    requireNonNull(callTimeout, "callTimeout");
    requireNonNull(copyTimeout, "copyTimeout");
    requireNonNull(tempDir, "tempDir");
  }

  /**
   * The limits an adapter declares; 0 ({@link dev.goldcopy.spi.ArrayCapabilities#UNLIMITED}) means
   * none.
   *
   * @param perSource virtual copies of one source
   * @param virtualTotal virtual copies in all served stores
   * @param containersTotal containers of every kind in all served stores
   * @param depth how deep virtual copies may chain
   * @param concurrentPhysical physical copies running at once
   * @param concurrentVirtual virtual copy creations running at once
   */
  record Limits(
      int perSource,
      int virtualTotal,
      int containersTotal,
      int depth,
      int concurrentPhysical,
      int concurrentVirtual) {}
}
