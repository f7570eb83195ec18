package dev.goldcopy.sim;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/** Runs the vendor conformance kit against the simulated array with the Dell PowerVault MD3200 profile (8 per source, 128 per array). */
class Md3200ConformanceTest extends ArrayAdapterConformanceKit {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(VendorProfile.DELL_MD3200);
  }
}
