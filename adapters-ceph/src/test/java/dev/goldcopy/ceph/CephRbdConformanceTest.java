package dev.goldcopy.ceph;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/**
 * The whole conformance kit on a real single-node Ceph cluster: each test gets an adapter serving
 * two fresh namespaces, with small declared limits so the limit tests stay short.
 */
@RequiresCeph
class CephRbdConformanceTest extends ArrayAdapterConformanceKit {

  @Override
  protected ConformanceFixture createFixture() {
    return new Fixture();
  }

  private static final class Fixture implements ConformanceFixture {
    private final StoreRef own = CephCluster.freshStore("kit-a");
    private final StoreRef other = CephCluster.freshStore("kit-b");
    private final CephRbdAdapter adapter =
        CephCluster.adapter()
            .store(own)
            .store(other)
            .maxVirtualCopiesPerSource(3)
            .maxVirtualCopiesTotal(7)
            .maxLocalReplicationDepth(2)
            // Below what the test pool can store, so the capacity tests count provisioned bytes.
            .capacityBytes(8L << 30)
            .build();

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
      return await(adapter.createOrigin(store, name, content, group, sizeBytes, Labels.empty()));
    }

    @Override
    public void close() {
      String ownNs = adapter.namespace(own);
      String otherNs = adapter.namespace(other);
      adapter.close();
      CephCluster.dropNamespace(ownNs);
      CephCluster.dropNamespace(otherNs);
    }
  }
}
