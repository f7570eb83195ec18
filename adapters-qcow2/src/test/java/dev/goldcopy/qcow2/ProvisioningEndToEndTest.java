package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.EndToEndSetup.IMAGE;
import static dev.goldcopy.qcow2.EndToEndSetup.PER_SOURCE;
import static dev.goldcopy.qcow2.EndToEndSetup.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor on a real directory with the real qemu-img: 240 VMs from a small golden image with
 * 25 clones per master (so ten masters), a scale-down to 100, then a scale-up to 300 (two more
 * masters) in a process of its own that is killed mid-way (while a copy runs, if the timing allows)
 * and resumed by a fresh adapter and executor. After each run the store is
 * checked by reading the directory itself (files, qcow2 headers, sidecars), not through the
 * adapter. The makespan is compared with a lower bound from this machine's measured copy and clone
 * times; the figures go to {@code target/qcow2-end-to-end.txt}.
 */
class ProvisioningEndToEndTest {
  private static final int VMS = 240;
  private static final int SCALED_DOWN = 100;
  private static final int SCALED_UP = 300;
  private static final long MIB = 1L << 20;
  private static final long IMAGE_BYTES = 256 * MIB;
  private static final String DATA = "write -P 0x5a 0 64M";

  @TempDir Path root;
  @TempDir Path calibrationRoot;
  private final List<String> report = new ArrayList<>();

  @BeforeAll
  static void needsQemuImg() {
    RealQemuImg.assume();
  }

  @Test
  void provisionsScalesDownAndResumesAfterACrashWithNothingLostOrLeaked() throws Exception {
    try {
      provisionScaleDownCrashAndResume();
    } finally {
      Path out = Path.of("target", "qcow2-end-to-end.txt");
      Files.createDirectories(out.getParent());
      Files.write(out, report, StandardCharsets.UTF_8);
    }
    System.out.println("qcow2 end-to-end: " + report.get(1));
  }

  private void provisionScaleDownCrashAndResume() throws Exception {
    Calibration cal = calibrate();
    report.add(cal.toString());
    Path dir = TestStores.acmeDir(root);

    long started = System.nanoTime();
    try (Qcow2FileStoreAdapter adapter = EndToEndSetup.adapter(root)) {
      adapter.createOrigin(STORE, "golden", IMAGE, GroupId.of("golden"), IMAGE_BYTES, Labels.empty());
      qemu(dir, "qemu-io", "-f", "qcow2", "-c", DATA, "golden");
      started = System.nanoTime();
      ExecutionResult result = EndToEndSetup.executor(adapter).execute(STORE, EndToEndSetup.demand(VMS));
      Duration makespan = Duration.ofNanos(System.nanoTime() - started);
      assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
      Duration bound = cal.bound(VMS);
      report.add(
          String.format(
              "provision %d VMs: makespan %.2f s, lower bound %.2f s (ratio %.2f); %d replicas,"
                  + " %d clones, %d retries, %d rounds",
              VMS,
              seconds(makespan),
              seconds(bound),
              seconds(makespan) / seconds(bound),
              result.totals().replicasMade(),
              result.totals().clonesMade(),
              result.totals().retries(),
              result.totals().rounds()));
    }
    checkDirectory(dir, VMS);

    try (Qcow2FileStoreAdapter adapter = EndToEndSetup.adapter(root)) {
      started = System.nanoTime();
      ExecutionResult result =
          EndToEndSetup.executor(adapter).execute(STORE, EndToEndSetup.demand(SCALED_DOWN));
      assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
      report.add(
          String.format(
              "scale down to %d: %.2f s, %d deletions",
              SCALED_DOWN, seconds(Duration.ofNanos(System.nanoTime() - started)),
              result.totals().deletions()));
    }
    checkDirectory(dir, SCALED_DOWN);

    StoreOnDisk afterCrash = crashMidRun(dir, SCALED_UP);
    report.add(
        String.format(
            "crash: child killed with %d overlays on disk, %d copies recorded COPYING, %d"
                + " temporary files",
            afterCrash.overlays().size(),
            afterCrash.inState("COPYING").size(),
            afterCrash.temporaries().size()));

    try (Qcow2FileStoreAdapter adapter = EndToEndSetup.adapter(root)) {
      started = System.nanoTime();
      ExecutionResult result =
          EndToEndSetup.executor(adapter).execute(STORE, EndToEndSetup.demand(SCALED_UP));
      assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
      report.add(
          String.format(
              "resume to %d VMs with a fresh adapter and executor: %.2f s, %d replicas, %d clones,"
                  + " %d deletions",
              SCALED_UP,
              seconds(Duration.ofNanos(System.nanoTime() - started)),
              result.totals().replicasMade(),
              result.totals().clonesMade(),
              result.totals().deletions()));
    }
    checkDirectory(dir, SCALED_UP);
  }

  /** What the directory must hold for {@code vms} VMs, read from the disk alone. */
  private void checkDirectory(Path dir, int vms) throws Exception {
    StoreOnDisk disk = StoreOnDisk.read(dir);
    Set<String> expected =
        IntStream.rangeClosed(1, vms)
            .mapToObj(i -> String.format("vm-%05d", i))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(new TreeSet<>(disk.overlays())).as("one overlay per VM, no other").isEqualTo(expected);
    assertThat(disk.masters()).contains("golden");
    assertThat(disk.masters().size()).isGreaterThanOrEqualTo((vms + PER_SOURCE - 1) / PER_SOURCE);
    for (String backing : disk.overlaysPerMaster().keySet()) {
      assertThat(disk.masters()).as("every overlay's backing file is a master").contains(backing);
    }
    assertThat(disk.overlaysPerMaster().values()).allMatch(n -> n <= PER_SOURCE);
    assertThat(disk.otherFiles()).isEmpty();
    assertThat(disk.temporaries()).as("temporary files").isEmpty();
    assertThat(disk.sidecars().keySet()).as("one sidecar per image").isEqualTo(disk.images().keySet());
    assertThat(disk.inState("READY")).hasSize(disk.images().size());
    for (String overlay : disk.overlays()) {
      assertThat(disk.sidecar(overlay, "goldcopy.kind")).isEqualTo("VIRTUAL_COPY");
    }
    for (String master : disk.masters()) {
      assertThat(disk.sidecar(master, "goldcopy.kind"))
          .isEqualTo("PHYSICAL_MASTER");
      qemu(dir, "qemu-img", "compare", "golden", master);
    }
    qemu(dir, "qemu-img", "check", disk.overlays().get(0));
    qemu(dir, "qemu-img", "check", disk.overlays().get(disk.overlays().size() - 1));
  }

  /**
   * Runs the provisioning in a process of its own and kills it (and the qemu-img processes it
   * started) once it is well under way.
   */
  private StoreOnDisk crashMidRun(Path dir, int vms) throws Exception {
    Path log = Path.of("target", "qcow2-end-to-end-child.log");
    Files.createDirectories(log.getParent());
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ProvisionMain.class.getName(),
                root.toString(),
                Integer.toString(vms))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (child.isAlive() && System.nanoTime() < deadline) {
        StoreOnDisk now = StoreOnDisk.read(dir);
        int overlays = now.overlays().size();
        boolean copying = !now.inState("COPYING").isEmpty();
        if (copying || overlays >= (SCALED_DOWN + vms) / 2) {
          break;
        }
        Thread.sleep(5);
      }
      assertThat(child.isAlive()).as("the child is still provisioning when it is killed").isTrue();
      kill(child);
      return StoreOnDisk.read(dir);
    } finally {
      if (child.isAlive()) {
        kill(child);
      }
    }
  }

  /** Stops the child, then kills it and every process it started, each by its id. */
  private static void kill(Process child) throws Exception {
    new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).start().waitFor();
    List<ProcessHandle> started = child.descendants().toList();
    child.destroyForcibly();
    child.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle p : started) {
      p.destroyForcibly();
    }
    for (ProcessHandle p : started) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /** The fastest copy and the clone throughput on this machine, through the adapter. */
  private Calibration calibrate() throws Exception {
    try (Qcow2FileStoreAdapter adapter = EndToEndSetup.adapter(calibrationRoot)) {
      Container golden =
          adapter.createOrigin(
              STORE, "golden", IMAGE, GroupId.of("golden"), IMAGE_BYTES, Labels.empty());
      qemu(TestStores.acmeDir(calibrationRoot), "qemu-io", "-f", "qcow2", "-c", DATA, "golden");
      long fastestCopy = Long.MAX_VALUE;
      for (int i = 1; i <= 3; i++) {
        long start = System.nanoTime();
        TestStores.await(
            adapter.createPhysicalCopy(STORE, golden.id(), "copy-" + i, Labels.empty()));
        fastestCopy = Math.min(fastestCopy, System.nanoTime() - start);
      }
      int clones = PER_SOURCE;
      long start = System.nanoTime();
      List<CompletableFuture<Container>> made = new ArrayList<>();
      for (int i = 0; i < clones; i++) {
        made.add(
            adapter
                .createVirtualCopy(STORE, golden.id(), "clone-" + i, Labels.empty())
                .toCompletableFuture());
      }
      CompletableFuture.allOf(made.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
      long perClone = (System.nanoTime() - start) / clones;
      return new Calibration(Duration.ofNanos(fastestCopy), Duration.ofNanos(perClone));
    }
  }

  /**
   * This machine's primitive times, and the lower bound they give: the adapter makes one overlay
   * at a time (clone concurrency 1) and {@link EndToEndSetup#CONCURRENT_COPIES} copies at a time,
   * each no faster than the fastest copy measured alone.
   */
  private record Calibration(Duration copy, Duration overlay) {
    Duration bound(int vms) {
      int masters = (vms + PER_SOURCE - 1) / PER_SOURCE;
      int replicas = masters - 1;
      long copyRounds = (replicas + EndToEndSetup.CONCURRENT_COPIES - 1) / EndToEndSetup.CONCURRENT_COPIES;
      Duration copyTerm = copy.multipliedBy(copyRounds);
      Duration cloneTerm = overlay.multipliedBy(vms);
      Duration firstReplicaThenClones = copy.plus(overlay.multipliedBy(vms - PER_SOURCE));
      Duration lastReplicaThenOneClone = copyTerm.plus(overlay);
      return max(max(copyTerm, cloneTerm), max(firstReplicaThenClones, lastReplicaThenOneClone));
    }

    private static Duration max(Duration a, Duration b) {
      return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
      return String.format(
          "calibration: fastest 256 MiB (64 MiB written) copy %.3f s; overlay throughput %.1f ms"
              + " each",
          seconds(copy), overlay.toNanos() / 1e6);
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static String qemu(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out;
  }
}
