package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.time.Duration;

/** The conformance kit's view of an adapter over a real directory with the real qemu-img. */
final class Qcow2Fixture implements ConformanceFixture {
  private final Qcow2FileStoreAdapter adapter;

  Qcow2Fixture(Qcow2FileStoreAdapter adapter) {
    this.adapter = adapter;
  }

  @Override
  public ArrayAdapter adapter() {
    return adapter;
  }

  @Override
  public StoreRef store() {
    return TestStores.ACME;
  }

  @Override
  public StoreRef otherTenantStore() {
    return TestStores.GLOBEX;
  }

  @Override
  public Container createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
    return adapter.createOrigin(store, name, content, group, sizeBytes, Labels.empty());
  }

  @Override
  public Duration timeout() {
    return Duration.ofMinutes(2);
  }

  @Override
  public void close() {
    adapter.close();
  }
}
