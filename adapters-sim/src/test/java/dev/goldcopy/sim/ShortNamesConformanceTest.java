package dev.goldcopy.sim;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/**
 * Runs the vendor conformance kit against a custom profile with short names, a small store,
 * unlimited clone depth and little concurrency.
 */
class ShortNamesConformanceTest extends ArrayAdapterConformanceKit {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(
        VendorProfile.builder("small")
            .maxNameLength(20)
            .maxVirtualCopiesPerSource(3)
            .maxVirtualCopiesTotal(7)
            .maxLocalReplicationDepth(0)
            .maxConcurrentPhysicalCopies(1)
            .maxConcurrentVirtualCopies(1)
            .storeCapacityBytes(64L << 30)
            .build());
  }
}
