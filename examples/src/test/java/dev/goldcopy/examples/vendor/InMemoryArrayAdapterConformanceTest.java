package dev.goldcopy.examples.vendor;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/**
 * Runs the vendor conformance kit against {@link InMemoryArrayAdapter}: the one class a vendor
 * adds to its build. The declared limits are small and finite so that the limit checks apply. Of
 * the kit's 42 checks, 8 do not apply to this array and are skipped with the reason: it has no
 * restart (labels surviving one), it tells names apart by case, its copies finish before the call
 * returns (so none fails, is seen copying, or runs at once with another, for the two concurrency
 * checks), it declares no container total, and it makes virtual copies.
 */
class InMemoryArrayAdapterConformanceTest extends ArrayAdapterConformanceKit {

  private static final StoreRef STORE = StoreRef.of("acme", "pool-a");
  private static final StoreRef OTHER_TENANT_STORE = StoreRef.of("globex", "pool-b");
  private static final ArrayCapabilities CAPABILITIES =
      ArrayCapabilities.builder()
          .maxVirtualCopiesPerSource(4)
          .maxVirtualCopiesTotal(10)
          .maxLocalReplicationDepth(2)
          .totalCapacityBytes(64L << 30)
          .maxNameLength(63)
          .build();

  @Override
  protected ConformanceFixture createFixture() {
    InMemoryArrayAdapter array = new InMemoryArrayAdapter(CAPABILITIES);
    array.addStore(STORE);
    array.addStore(OTHER_TENANT_STORE);
    return new ConformanceFixture() {
      @Override
      public ArrayAdapter adapter() {
        return array;
      }

      @Override
      public StoreRef store() {
        return STORE;
      }

      @Override
      public StoreRef otherTenantStore() {
        return OTHER_TENANT_STORE;
      }

      @Override
      public Container createOrigin(
          StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
        return array.addOrigin(store, name, content, group, sizeBytes);
      }
    };
  }
}
