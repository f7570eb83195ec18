package dev.goldcopy.qcow2;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the tests that need the real qemu-img can run. Without it they are skipped, and one line
 * says so; with {@code -Dgoldcopy.requireBackends=true} (as CI runs) they fail instead.
 */
final class RealQemuImg {
  static final String SKIPPED = "qcow2 tests skipped: install qemu-utils (qemu-img)";

  private static final boolean AVAILABLE = probe();
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private RealQemuImg() {}

  /**
   * Skips (or, where backends are required, fails) the calling test if qemu-img is missing. Call it
   * from a {@code @BeforeAll} method, so a skipped class runs none of its per-test set-up.
   */
  static void assume() {
    if (AVAILABLE) {
      return;
    }
    if (Boolean.getBoolean("goldcopy.requireBackends")) {
      fail("qemu-img is not on the PATH, and goldcopy.requireBackends is set: install qemu-utils");
    }
    if (TOLD.compareAndSet(false, true)) {
      System.out.println(SKIPPED);
    }
    Assumptions.abort(SKIPPED);
  }

  private static boolean probe() {
    try {
      Process p =
          new ProcessBuilder("qemu-img", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
