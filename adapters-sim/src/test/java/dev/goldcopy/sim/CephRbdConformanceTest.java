package dev.goldcopy.sim;

import dev.goldcopy.spi.conformance.ArrayAdapterConformanceTest;
import dev.goldcopy.spi.conformance.ConformanceFixture;

/** Runs the vendor conformance kit against the simulated array with the Ceph RBD profile (510 per source, clones 5 deep). */
class CephRbdConformanceTest extends ArrayAdapterConformanceTest {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(VendorProfile.CEPH_RBD);
  }
}
