package dev.goldcopy.sim;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/** Runs the vendor conformance kit against the simulated array with the HPE 3PAR profile (500 virtual copies per source, no array-wide total). */
class SimulatedArrayConformanceTest extends ArrayAdapterConformanceKit {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(VendorProfile.HPE_3PAR);
  }
}
