package dev.goldcopy.qcow2;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit against a real directory and the real qemu-img, with every limit an
 * operator can declare set, so the kit's limit tests run too.
 */
class Qcow2DeclaredLimitsConformanceTest extends ArrayAdapterConformanceKit {
  @TempDir Path root;

  @BeforeAll
  static void needsQemuImg() {
    RealQemuImg.assume();
  }

  @Override
  protected ConformanceFixture createFixture() {
    return new Qcow2Fixture(
        TestStores.builder(root)
            .maxVirtualCopiesPerSource(3)
            .maxVirtualCopiesTotal(10)
            .maxContainersTotal(40)
            .maxLocalReplicationDepth(3)
            .maxConcurrentPhysicalCopies(4)
            .build());
  }
}
