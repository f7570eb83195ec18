package dev.goldcopy.qcow2;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit against a real directory and the real qemu-img, with every limit an
 * operator can declare set and a capacity quota (32 GiB, or 80% of the free disk space if less), so
 * the array is the kit's alone and every check that applies runs (all but those for arrays without
 * virtual copies or with case-insensitive names).
 */
class Qcow2DeclaredLimitsConformanceTest extends ArrayAdapterConformanceKit {
  @TempDir Path root;

  @BeforeAll
  static void needsQemuImg() {
    RealQemuImg.assume();
  }

  @Override
  protected ConformanceFixture createFixture() {
    long quota;
    try {
      quota = Math.min(32L << 30, Files.getFileStore(root).getUsableSpace() / 5 * 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Qcow2Fixture(
        root,
        b ->
            b.capacityQuotaBytes(quota)
                .maxVirtualCopiesPerSource(3)
                .maxVirtualCopiesTotal(10)
                .maxContainersTotal(20)
                .maxLocalReplicationDepth(3)
                .maxConcurrentPhysicalCopies(4)
                .maxConcurrentVirtualCopies(1),
        false);
  }
}
