package dev.goldcopy.qcow2;

import dev.goldcopy.spi.kit.ArrayAdapterConformanceKit;
import dev.goldcopy.spi.kit.ConformanceFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The whole conformance kit against a real directory and the real qemu-img, with the defaults. */
class Qcow2ConformanceTest extends ArrayAdapterConformanceKit {
  @TempDir Path root;

  @BeforeAll
  static void needsQemuImg() {
    RealQemuImg.assume();
  }

  @Override
  protected ConformanceFixture createFixture() {
    return new Qcow2Fixture(TestStores.builder(root).build());
  }
}
