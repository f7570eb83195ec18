package dev.goldcopy.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The whole conformance kit on a real single-node Ceph cluster: each test gets an adapter serving
 * two fresh namespaces, with small declared limits so the limit tests stay short, origins that hold
 * data (so a copy takes long enough to be seen copying), and an rbd wrapper through which the
 * fixture can make {@code rbd flatten} fail, as a copy that breaks does. No container total is
 * declared (Ceph has none, and filling one with 1 GiB copies would need more capacity than the
 * capacity checks can use); the ledger's container total has its own unit test.
 */
@RequiresCeph
class CephRbdConformanceTest extends ArrayAdapterConformanceKit {

  @Override
  protected ConformanceFixture createFixture() {
    return new Fixture();
  }

  private static final class Fixture implements ConformanceFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreRef own = CephCluster.freshStore("kit-a");
    private final StoreRef other = CephCluster.freshStore("kit-b");
    private final Path tools = tempDir();
    private final Path failFlag = tools.resolve("fail-flatten");
    private final List<CephRbdAdapter> adapters = new ArrayList<>();
    private final CephRbdAdapter adapter = newAdapter();

    private CephRbdAdapter newAdapter() {
      CephRbdAdapter a =
          CephCluster.adapter()
              .commands(rbdWrapper().toString(), "ceph")
              .store(own)
              .store(other)
              .maxVirtualCopiesPerSource(6)
              .maxVirtualCopiesTotal(12)
              .maxLocalReplicationDepth(2)
              .maxConcurrentVirtualCopies(4)
              // Below what the test pool can store, so the capacity checks count provisioned bytes.
              .capacityBytes(8L << 30)
              .build();
      adapters.add(a);
      return a;
    }

    @Override
    public ArrayAdapter adapter() {
      return adapter;
    }

    @Override
    public StoreRef store() {
      return own;
    }

    @Override
    public StoreRef otherTenantStore() {
      return other;
    }

    @Override
    public Container createOrigin(
        StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
      Container origin =
          await(adapter.createOrigin(store, name, content, group, sizeBytes, Labels.empty()));
      long data = Math.min(sizeBytes, 32L << 20) / (4L << 20) * (4L << 20);
      if (data > 0) {
        CephCluster.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-pattern", "seq",
            "--io-total", data + "B", "rbd/" + adapter.namespace(store) + "/" + name);
      }
      return origin;
    }

    @Override
    public boolean failPhysicalCopies(boolean fail) {
      try {
        if (fail) {
          Files.writeString(failFlag, "on");
        } else {
          Files.deleteIfExists(failFlag);
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public @Nullable ArrayAdapter restartedAdapter() {
      return newAdapter();
    }

    @Override
    public long rawObjectCount() {
      String ns = adapter.namespace(own);
      try {
        long images = JSON.readTree(CephCluster.rbd("ls", "-l", "--format", "json", "rbd/" + ns))
            .size();
        long trash = JSON.readTree(CephCluster.rbd("trash", "ls", "--format", "json", "rbd/" + ns))
            .size();
        return images + trash;
      } catch (IOException | IllegalStateException e) {
        return 0; // the namespace is not made yet: nothing in it
      }
    }

    @Override
    public void close() {
      String ownNs = adapter.namespace(own);
      String otherNs = adapter.namespace(other);
      adapters.forEach(CephRbdAdapter::close);
      CephCluster.dropNamespace(ownNs);
      CephCluster.dropNamespace(otherNs);
      try {
        Files.deleteIfExists(failFlag);
        Files.deleteIfExists(tools.resolve("rbd"));
        Files.deleteIfExists(tools);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** An rbd that fails {@code flatten} with EIO while the flag file exists. */
    private Path rbdWrapper() {
      Path wrapper = tools.resolve("rbd");
      if (!Files.exists(wrapper)) {
        String script =
            "#!/bin/sh\n"
                + "for a in \"$@\"; do\n"
                + "  if [ \"$a\" = flatten ] && [ -e '" + failFlag + "' ]; then\n"
                + "    echo 'rbd: flatten error: (5) Input/output error' >&2; exit 5\n"
                + "  fi\n"
                + "done\n"
                + "exec rbd \"$@\"\n";
        try {
          Files.writeString(wrapper, script, StandardCharsets.UTF_8);
          Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return wrapper;
    }

    private static Path tempDir() {
      try {
        return Files.createTempDirectory("goldcopy-kit");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
