package dev.goldcopy.spi.kit;

import dev.goldcopy.spi.ArrayCapabilities;
import java.util.Set;

/**
 * The kit on a reference adapter with the bugs and capabilities set just before a run. Not named
 * like a test, so Maven Surefire does not run it on its own: {@link PlantedBugsTest} runs it.
 */
class PlantedKitRun extends ArrayAdapterConformanceKit {
  static volatile Set<Bug> bugs = Set.of();
  static volatile ArrayCapabilities capabilities = ReferenceFixture.CAPABILITIES;

  @Override
  protected ConformanceFixture createFixture() {
    return new ReferenceFixture(capabilities, bugs);
  }
}
