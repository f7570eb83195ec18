package dev.goldcopy.examples.real;

import dev.goldcopy.ceph.CephRbdAdapter;
import dev.goldcopy.ceph.CephRbdAdapterBuilder;
import dev.goldcopy.qcow2.Qcow2FileStoreAdapter;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The demo's store on real storage: the adapter, the store it serves, and its origin (found, or
 * made empty when the store has none).
 */
final class RealStore implements AutoCloseable {
  /** The demo's store; its directory or RBD namespace is {@value #PLACE}. */
  static final StoreRef STORE = new StoreRef(TenantId.of("demo"), StoreId.of("goldcopy-demo"));

  /** The subdirectory (qcow2) or RBD namespace (Ceph) of the demo's store. */
  static final String PLACE = "goldcopy-demo";

  private final ArrayAdapter adapter;
  private final AutoCloseable closer;
  private final RealBackend backend;

  private RealStore(ArrayAdapter adapter, AutoCloseable closer, RealBackend backend) {
    this.adapter = adapter;
    this.closer = closer;
    this.backend = backend;
  }

  /** Opens the store the options name, declaring their clone limit per master. */
  static RealStore open(RealOptions options) {
    RealBackend backend = options.backend();
    if (backend instanceof RealBackend.Qcow2 qcow2) {
      try {
        Files.createDirectories(qcow2.root());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make the directory " + qcow2.root(), e);
      }
      Qcow2FileStoreAdapter adapter =
          Qcow2FileStoreAdapter.builder(qcow2.root())
              .store(STORE, PLACE)
              .maxVirtualCopiesPerSource(options.perSource())
              .build();
      return new RealStore(adapter, adapter, backend);
    }
    RealBackend.Ceph ceph = (RealBackend.Ceph) backend;
    CephRbdAdapterBuilder builder =
        CephRbdAdapter.builder()
            .pool(ceph.pool())
            .store(STORE, PLACE)
            .maxVirtualCopiesPerSource(options.perSource());
    if (ceph.conf() != null) {
      builder.conf(ceph.conf());
    }
    if (ceph.keyring() != null) {
      builder.keyring(ceph.keyring());
    }
    if (ceph.clientId() != null) {
      builder.clientId(ceph.clientId());
    }
    CephRbdAdapter adapter = builder.build();
    return new RealStore(adapter, adapter, backend);
  }

  ArrayAdapter adapter() {
    return adapter;
  }

  /**
   * Returns the store's origin of {@code content}, making an empty one of {@code sizeBytes} first
   * if the store has none.
   *
   * @return the origin, and whether it was made now
   */
  Origin origin(ContentId content, GroupId group, String name, long sizeBytes) {
    for (Container c : await(adapter.inventory(STORE).toCompletableFuture()).containers()) {
      if (c.isOrigin() && c.content().equals(content)) {
        return new Origin(c, false);
      }
    }
    Container made;
    if (backend instanceof RealBackend.Qcow2) {
      made =
          ((Qcow2FileStoreAdapter) adapter)
              .createOrigin(STORE, name, content, group, sizeBytes, Labels.empty());
    } else {
      made =
          await(
              ((CephRbdAdapter) adapter)
                  .createOrigin(STORE, name, content, group, sizeBytes, Labels.empty())
                  .toCompletableFuture());
    }
    return new Origin(made, true);
  }

  /** An origin master, and whether the demo made it in this run. */
  record Origin(Container container, boolean madeNow) {}

  static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }
}
