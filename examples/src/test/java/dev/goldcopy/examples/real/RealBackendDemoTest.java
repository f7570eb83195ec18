package dev.goldcopy.examples.real;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.examples.fleet.FleetOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's real-storage mode as a user runs it: provision, run again (nothing to do), then
 * remove; on a real directory of qcow2 images, and on the test Ceph cluster when one runs. Each
 * phase's store is checked by the demo itself, and the qcow2 directory by listing its files.
 */
class RealBackendDemoTest {

  @Test
  void provisionsOnQcow2ThenRemovesEverythingButTheOriginAndAStrangersImage(@TempDir Path dir)
      throws IOException {
    Backends.assumeQemuImg();
    Path store = dir.resolve(RealStore.PLACE);
    Files.createDirectories(store);
    Path stranger = Files.writeString(store.resolve("admin-notes.txt"), "not Goldcopy's");

    String first = run("--qcow2", dir.toString(), "--vms", "30", "--per-source", "8",
        "--image-mib", "16");
    assertThat(first)
        .contains("Made an empty origin demo-golden")
        .contains("ceil(30 / 8)")
        .contains("VMs provisioned    30 of 30")
        .contains("4 masters, 30 clones")
        .contains("Done:");
    assertThat(images(store)).hasSize(4 + 30).contains("demo-golden", "vm-00001", "vm-00030");

    String again = run("--qcow2", dir.toString(), "--vms", "30", "--per-source", "8");
    assertThat(again).contains("Using the origin demo-golden").contains("Done:");

    String removed = run("--qcow2", dir.toString(), "--remove", "--per-source", "8");
    assertThat(removed).contains("1 masters, 0 clones").contains("Done:");
    assertThat(images(store)).containsExactly("demo-golden");
    assertThat(stranger).hasContent("not Goldcopy's");
  }

  @Test
  void provisionsAndRemovesOnCeph() {
    Path cluster = Backends.cephDir();
    String pool = "rbd";
    // The demo's namespace keeps only its origin after --remove, so a later run reuses it.
    String conf = cluster.resolve("ceph.conf").toString();
    String keyring = cluster.resolve("keyring").toString();

    String first = run("--ceph", pool, "--ceph-conf", conf, "--ceph-keyring", keyring,
        "--vms", "20", "--per-source", "8", "--image-mib", "8");
    assertThat(first).contains("VMs provisioned    20 of 20").contains("Done:");

    String removed = run("--ceph", pool, "--ceph-conf", conf, "--ceph-keyring", keyring,
        "--remove", "--per-source", "8");
    assertThat(removed).contains("1 masters, 0 clones").contains("Done:");
  }

  private static String run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    FleetOptions options = FleetOptions.parse(args);
    RealOptions real = requireNonNull(options.real(), "a real-storage option");
    boolean ok = RealBackendDemo.run(real, out);
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(report).isTrue();
    return report;
  }

  /** The image files in the store's directory, read from the directory itself. */
  private static List<String> images(Path store) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> all = Files.list(store)) {
      all.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.equals("admin-notes.txt"))
          .forEach(names::add);
    }
    return names;
  }
}
