package dev.goldcopy.examples.real;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the real backends the demo tests need are here. Without one the test is skipped with one
 * line saying how to enable it; with {@code -Dgoldcopy.requireBackends=true} (as CI runs) it fails.
 */
final class Backends {
  private Backends() {}

  /** Skips, or fails where backends are required, unless qemu-img runs. */
  static void assumeQemuImg() {
    if (!runs("qemu-img", "--version")) {
      skipOrFail("demo on qcow2 skipped: install qemu-utils (qemu-img)");
    }
  }

  /** The directory of a running test cluster (ceph.conf and keyring), or a skip or failure. */
  static Path cephDir() {
    Optional<Path> dir =
        Optional.ofNullable(System.getenv("GOLDCOPY_CEPH_DIR"))
            .map(Path::of)
            .filter(d -> Files.isRegularFile(d.resolve("ceph.conf")));
    if (dir.isEmpty()) {
      skipOrFail("demo on Ceph skipped: set GOLDCOPY_CEPH_DIR after scripts/ceph-cluster up DIR");
    }
    return dir.orElseThrow();
  }

  private static void skipOrFail(String why) {
    if (Boolean.getBoolean("goldcopy.requireBackends")) {
      fail(why + " (and goldcopy.requireBackends is set)");
    }
    System.out.println(why);
    Assumptions.abort(why);
  }

  private static boolean runs(String... command) {
    try {
      Process p =
          new ProcessBuilder(command)
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
