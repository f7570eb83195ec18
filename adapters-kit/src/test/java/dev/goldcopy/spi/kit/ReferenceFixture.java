package dev.goldcopy.spi.kit;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.Set;

/** A fresh {@link ReferenceArray} with two tenants' stores, and every hook the kit can use. */
final class ReferenceFixture implements ConformanceFixture {
  /** Small, finite limits, so that every check of the kit applies. */
  static final ArrayCapabilities CAPABILITIES =
      ArrayCapabilities.builder()
          .maxVirtualCopiesPerSource(8)
          .maxVirtualCopiesTotal(24)
          .maxContainersTotal(30)
          .maxLocalReplicationDepth(2)
          .maxConcurrentPhysicalCopies(2)
          .maxConcurrentVirtualCopies(4)
          .totalCapacityBytes(64L << 30)
          .nameRules(NameRules.permissive(48))
          .copyCosts(CopyCosts.thick(16L << 20))
          .build();

  private static final StoreRef STORE = StoreRef.of("acme", "pool-a");
  private static final StoreRef OTHER = StoreRef.of("globex", "pool-b");

  private final ReferenceBackend backend;
  private final ReferenceArray adapter;

  ReferenceFixture(ArrayCapabilities capabilities, Set<Bug> bugs) {
    this.backend = new ReferenceBackend(capabilities, bugs);
    backend.addStore(STORE);
    backend.addStore(OTHER);
    this.adapter = new ReferenceArray(backend);
  }

  @Override
  public ArrayAdapter adapter() {
    return adapter;
  }

  @Override
  public StoreRef store() {
    return STORE;
  }

  @Override
  public StoreRef otherTenantStore() {
    return OTHER;
  }

  @Override
  public Container createOrigin(StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
    return adapter.createOrigin(store, name, content, group, sizeBytes);
  }

  @Override
  public Duration timeout() {
    return Duration.ofSeconds(3);
  }

  @Override
  public boolean failPhysicalCopies(boolean fail) {
    synchronized (backend) {
      backend.failCopies = fail;
    }
    return true;
  }

  @Override
  public ArrayAdapter restartedAdapter() {
    return new ReferenceArray(backend);
  }

  @Override
  public long rawObjectCount() {
    return backend.rawObjects(STORE);
  }

  @Override
  public void close() {
    backend.close();
  }
}
