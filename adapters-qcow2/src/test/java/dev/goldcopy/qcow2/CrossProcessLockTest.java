package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.TestStores.ACME;
import static dev.goldcopy.qcow2.TestStores.GIB;
import static dev.goldcopy.qcow2.TestStores.GROUP;
import static dev.goldcopy.qcow2.TestStores.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes on one directory share its limits through the lock file. */
class CrossProcessLockTest {
  private static final int LIMIT = 20;
  private static final int CALLS_EACH = 25;

  @TempDir Path root;

  @Test
  void twoProcessesRacingClonesOfOneSourceMakeExactlyTheLimit() throws Exception {
    try (Qcow2FileStoreAdapter adapter =
        TestStores.builder(root).imageTool(new FakeImageTool()).maxVirtualCopiesPerSource(LIMIT)
            .build()) {
      Container golden = adapter.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  RaceMain.class.getName(),
                  root.toString(),
                  golden.id().value(),
                  Integer.toString(LIMIT),
                  Integer.toString(CALLS_EACH),
                  "child-")
              .redirectErrorStream(true)
              .start();
      try {
        while (!Files.exists(root.resolve("ready")) && child.isAlive()) {
          Thread.sleep(1);
        }
        Files.writeString(root.resolve("go"), "");
        List<CompletableFuture<Container>> made = new ArrayList<>();
        for (int i = 0; i < CALLS_EACH; i++) {
          made.add(
              adapter
                  .createVirtualCopy(ACME, golden.id(), "parent-" + i, Labels.empty())
                  .toCompletableFuture());
        }
        int parentMade = 0;
        for (CompletableFuture<Container> m : made) {
          if (!m.handle((c, e) -> e == null).get(60, TimeUnit.SECONDS)) {
            continue;
          }
          parentMade++;
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("made ");
        int childMade = Integer.parseInt(out.substring(out.lastIndexOf("made ") + 5).strip());

        assertThat(parentMade + childMade).isEqualTo(LIMIT);
        StoreOnDisk disk = StoreOnDisk.read(TestStores.acmeDir(root));
        assertThat(disk.overlaysPerMaster()).containsExactly(java.util.Map.entry("golden", LIMIT));
        assertThat(disk.sidecars()).hasSize(LIMIT + 1);
      } finally {
        if (child.isAlive()) {
          child.destroyForcibly();
        }
      }
    }
  }
}
