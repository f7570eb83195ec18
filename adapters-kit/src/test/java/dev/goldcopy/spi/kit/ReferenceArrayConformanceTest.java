package dev.goldcopy.spi.kit;

import java.util.Set;

/** The reference adapter, without a planted bug, passes every check of the kit. */
class ReferenceArrayConformanceTest extends ArrayAdapterConformanceKit {
  @Override
  protected ConformanceFixture createFixture() {
    return new ReferenceFixture(ReferenceFixture.CAPABILITIES, Set.of());
  }
}
