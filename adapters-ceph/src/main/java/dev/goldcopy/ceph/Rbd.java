package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code rbd} and {@code ceph} commands the adapter uses, one method each, against one pool.
 * Every method blocks until the tool exits and throws the SPI's exception for a failure ({@link
 * RbdErrors}); where a failure means "already so" (a namespace that exists, a snapshot already
 * gone) the method says so in its result instead.
 */
final class Rbd {

  private final CommandRunner runner;
  private final String pool;
  private final List<String> rbdBase;
  private final List<String> cephBase;
  private final Duration timeout;

  /**
   * Creates the commands for one pool.
   *
   * @param runner runs the tools
   * @param rbdCommand the rbd program
   * @param cephCommand the ceph program
   * @param pool the pool
   * @param conf the cluster's configuration file
   * @param keyring the client's keyring
   * @param clientId the cephx user without "client.", or null for the tools' default (admin)
   * @param timeout how long one short command may run
   */
  Rbd(
      CommandRunner runner,
      String rbdCommand,
      String cephCommand,
      String pool,
      Path conf,
      Path keyring,
      @Nullable String clientId,
      Duration timeout) {
    this.runner = requireNonNull(runner, "runner");
    this.pool = requireNonNull(pool, "pool");
    this.timeout = requireNonNull(timeout, "timeout");
    List<String> common = new ArrayList<>(List.of("-c", conf.toString(), "-k", keyring.toString()));
    if (clientId != null) {
      common.add("--id");
      common.add(clientId);
    }
    this.rbdBase = prepend(rbdCommand, common);
    this.cephBase = prepend(cephCommand, common);
  }

  String pool() {
    return pool;
  }

  // ---------------------------------------------------------------- namespaces and listing

  /** Creates a namespace; returns false if it already existed. */
  boolean createNamespace(String namespace) {
    CommandResult r = rbd("namespace", "create", pool + "/" + namespace);
    if (r.exitCode() == RbdErrors.EEXIST) {
      return false;
    }
    check(r, "creating namespace " + namespace);
    return true;
  }

  /** Lists the images of a namespace and their snapshots; empty if the namespace does not exist. */
  RbdJson.Listing list(String namespace) {
    CommandResult r = rbd("ls", "-l", "--format", "json", pool + "/" + namespace);
    if (r.exitCode() == RbdErrors.ENOENT && r.stderr().contains("namespace")) {
      return RbdJson.listing("");
    }
    check(r, "listing " + namespace);
    return RbdJson.listing(r.stdout());
  }

  /** Reads one image; empty if there is none of that name. */
  Optional<RbdImage> info(String namespace, String image) {
    CommandResult r = rbd("info", "--format", "json", spec(namespace, image));
    if (r.exitCode() == RbdErrors.ENOENT) {
      return Optional.empty();
    }
    check(r, "reading " + image);
    return Optional.of(RbdJson.info(r.stdout()));
  }

  // ---------------------------------------------------------------- metadata

  /** Reads an image's metadata. */
  Map<String, String> metadata(String namespace, String image) {
    CommandResult r = rbd("image-meta", "list", "--format", "json", spec(namespace, image));
    check(r, "reading the metadata of " + image);
    return RbdJson.metadata(r.stdout());
  }

  /** Sets one metadata key of an image. */
  void setMetadata(String namespace, String image, String key, String value) {
    check(rbd("image-meta", "set", spec(namespace, image), key, value), "labelling " + image);
  }

  /** Removes one metadata key of an image; a key that is not there is no error. */
  void removeMetadata(String namespace, String image, String key) {
    CommandResult r = rbd("image-meta", "remove", spec(namespace, image), key);
    if (r.exitCode() == RbdErrors.ENOENT && r.stderr().contains("metadata key")) {
      return;
    }
    check(r, "removing metadata " + key + " of " + image);
  }

  // ---------------------------------------------------------------- images

  /** Creates an empty image of {@code sizeBytes}. */
  void create(String namespace, String image, long sizeBytes) {
    check(
        rbd("create", "--size", sizeBytes + "B", "--no-progress", spec(namespace, image)),
        "creating " + image);
  }

  /** Clones a snapshot into a new image of the same namespace. */
  void clone(String namespace, String parent, String snapshot, String child) {
    check(
        rbd("clone", spec(namespace, parent) + "@" + snapshot, spec(namespace, child)),
        "cloning " + parent + " as " + child);
  }

  /** Renames an image within its namespace. */
  void rename(String namespace, String from, String to) {
    check(rbd("rename", spec(namespace, from), spec(namespace, to)), "renaming " + from);
  }

  /** Removes an image; returns false if there was none. */
  boolean remove(String namespace, String image) {
    CommandResult r = rbd("rm", "--no-progress", spec(namespace, image));
    if (r.exitCode() == RbdErrors.ENOENT) {
      return false;
    }
    check(r, "removing " + image);
    return true;
  }

  /** Starts filling a clone with its parent's data; the caller waits for it or kills it. */
  CommandRunner.Running startFlatten(String namespace, String image) {
    return runner.start(rbdArgs("flatten", "--no-progress", spec(namespace, image)));
  }

  /** The client addresses that watch an image (have it open). */
  List<String> watchers(String namespace, String image) {
    CommandResult r = rbd("status", "--format", "json", spec(namespace, image));
    if (r.exitCode() == RbdErrors.ENOENT) {
      return List.of();
    }
    check(r, "reading the watchers of " + image);
    return RbdJson.watchers(r.stdout());
  }

  // ---------------------------------------------------------------- snapshots

  /** Creates a snapshot; returns false if one of that name already existed. */
  boolean createSnapshot(String namespace, String image, String snapshot) {
    CommandResult r = rbd("snap", "create", "--no-progress", spec(namespace, image) + "@" + snapshot);
    if (r.exitCode() == RbdErrors.EEXIST) {
      return false;
    }
    check(r, "snapshotting " + image);
    return true;
  }

  /**
   * Removes a snapshot; returns false if there was none. With v2 clones a snapshot that still has
   * children is only moved to the trash (the tool exits 0), so callers check the children first.
   */
  boolean removeSnapshot(String namespace, String image, String snapshot) {
    CommandResult r = rbd("snap", "rm", "--no-progress", spec(namespace, image) + "@" + snapshot);
    if (r.exitCode() == RbdErrors.ENOENT) {
      return false;
    }
    check(r, "removing snapshot " + snapshot + " of " + image);
    return true;
  }

  /** Lists an image's snapshots, the trashed ones too; empty if the image is gone. */
  List<RbdJson.Snapshot> snapshots(String namespace, String image) {
    CommandResult r = rbd("snap", "ls", "--all", "--format", "json", spec(namespace, image));
    if (r.exitCode() == RbdErrors.ENOENT) {
      return List.of();
    }
    check(r, "listing the snapshots of " + image);
    return RbdJson.snapshots(r.stdout());
  }

  /** The names of a snapshot's children; empty if the image or the snapshot is gone. */
  List<String> children(String namespace, String image, String snapshot) {
    CommandResult r =
        rbd("children", "--format", "json", spec(namespace, image) + "@" + snapshot);
    if (r.exitCode() == RbdErrors.ENOENT) {
      return List.of();
    }
    check(r, "listing the children of " + image + "@" + snapshot);
    return RbdJson.children(r.stdout());
  }

  // ---------------------------------------------------------------- cluster

  /**
   * Blocks a client address for an hour, so that the watch of a killed tool ends now rather than
   * after the watch timeout (30 s) and its image can be removed at once.
   */
  void blocklist(String address) {
    check(ceph("osd", "blocklist", "add", address, "3600"), "blocklisting " + address);
  }

  /** The pool's usage from {@code ceph df}; empty if the pool is not listed. */
  Optional<RbdJson.PoolUsage> poolUsage() {
    CommandResult r = ceph("df", "--format", "json");
    check(r, "reading ceph df");
    return RbdJson.poolUsage(r.stdout(), pool);
  }

  /** How many copies of each object the pool keeps. */
  int poolSize() {
    CommandResult r = ceph("osd", "pool", "get", pool, "size", "--format", "json");
    check(r, "reading the size of pool " + pool);
    return RbdJson.poolSize(r.stdout());
  }

  /** The pool's byte quota, 0 for none. */
  long quotaMaxBytes() {
    CommandResult r = ceph("osd", "pool", "get-quota", pool, "--format", "json");
    check(r, "reading the quota of pool " + pool);
    return RbdJson.quotaMaxBytes(r.stdout());
  }

  // ---------------------------------------------------------------- plumbing

  private String spec(String namespace, String image) {
    return pool + "/" + namespace + "/" + image;
  }

  private CommandResult rbd(String... args) {
    return runner.run(rbdArgs(args), timeout);
  }

  private List<String> rbdArgs(String... args) {
    List<String> line = new ArrayList<>(rbdBase);
    line.addAll(List.of(args));
    return line;
  }

  private CommandResult ceph(String... args) {
    List<String> line = new ArrayList<>(cephBase);
    line.add("--connect-timeout");
    line.add(Long.toString(Math.max(1, timeout.toSeconds())));
    line.addAll(List.of(args));
    return runner.run(line, timeout);
  }

  private static void check(CommandResult r, String what) {
    if (!r.succeeded()) {
      throw failure(r, what);
    }
  }

  /** The exception for a failed run. */
  static ArrayException failure(CommandResult r, String what) {
    return RbdErrors.toException(r, what);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> line = new ArrayList<>();
    line.add(first);
    line.addAll(rest);
    return List.copyOf(line);
  }
}
