package dev.goldcopy.sim;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/** Runs the vendor conformance kit against the simulated array with the Ceph RBD profile (510 per source, clones 5 deep). */
class CephRbdConformanceTest extends ArrayAdapterConformanceKit {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(VendorProfile.CEPH_RBD);
  }
}
