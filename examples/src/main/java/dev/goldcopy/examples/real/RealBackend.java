package dev.goldcopy.examples.real;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The real storage the demo provisions on, chosen by {@code --qcow2} or {@code --ceph}. */
public sealed interface RealBackend {

  /**
   * A directory of qcow2 images; the demo's store is its subdirectory {@code goldcopy-demo}.
   *
   * @param root the directory, made if it does not exist
   */
  record Qcow2(Path root) implements RealBackend {
    /** Checks the value. */
    public Qcow2 {
      requireNonNull(root, "root");
    }

    @Override
    public String describe() {
      return "qcow2 file store in " + root.toAbsolutePath().normalize();
    }
  }

  /**
   * A Ceph RBD pool; the demo's store is an RBD namespace of the pool.
   *
   * @param pool the pool's name
   * @param conf the {@code ceph.conf} to use, or null for the Ceph tools' default
   * @param keyring the keyring to use, or null for the Ceph tools' default
   * @param clientId the cephx user without {@code client.}, or null for the tools' default
   */
  record Ceph(String pool, @Nullable Path conf, @Nullable Path keyring, @Nullable String clientId)
      implements RealBackend {
    /** Checks the values. */
    public Ceph {
      requireNonNull(pool, "pool");
      if (pool.isBlank()) {
        throw new IllegalArgumentException("--ceph needs a pool name");
      }
    }

    @Override
    public String describe() {
      return "Ceph RBD pool '" + pool + "'" + (conf == null ? "" : " (" + conf + ")");
    }
  }

  /**
   * Says where the demo runs, for its first line.
   *
   * @return a short description
   */
  String describe();
}
