package dev.goldcopy.sim;

import dev.goldcopy.spi.conformance.ArrayAdapterConformanceTest;
import dev.goldcopy.spi.conformance.ConformanceFixture;

/** Runs the vendor conformance kit against the simulated array with the HPE 3PAR profile (500 virtual copies per source, no array-wide total). */
class SimulatedArrayConformanceTest extends ArrayAdapterConformanceTest {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(VendorProfile.HPE_3PAR);
  }
}
