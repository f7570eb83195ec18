package dev.goldcopy.qcow2;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit against a real directory and the real qemu-img, with the defaults. The
 * free capacity is then the disk's, which other programs change while the kit runs, so the kit
 * treats the array as shared (and skips the checks that compare free capacity exactly or fill a
 * total); {@link Qcow2DeclaredLimitsConformanceTest} runs those with a capacity quota.
 */
class Qcow2ConformanceTest extends ArrayAdapterConformanceKit {
  @TempDir Path root;

  @BeforeAll
  static void needsQemuImg() {
    RealQemuImg.assume();
  }

  @Override
  protected ConformanceFixture createFixture() {
    return new Qcow2Fixture(root, b -> b, true);
  }
}
