package dev.goldcopy.sim;

import dev.goldcopy.spi.NameRules;
import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;

/**
 * Runs the conformance kit against a profile with ONTAP-style names: letters, digits and
 * underscores only, no hyphen, 64 bytes, and no difference between upper and lower case.
 */
class OntapNamesConformanceTest extends ArrayAdapterConformanceKit {
  @Override
  protected ConformanceFixture createFixture() {
    return new SimFixture(
        VendorProfile.builder("ontap-style names")
            .nameRules(new NameRules(64, "[A-Za-z_][A-Za-z0-9_]*", false))
            .maxVirtualCopiesPerSource(16)
            .maxContainersTotal(60)
            .storeCapacityBytes(256L << 30)
            .build());
  }
}
