package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.TestStores.ACME;
import static dev.goldcopy.qcow2.TestStores.GROUP;
import static dev.goldcopy.qcow2.TestStores.IMAGE;
import static dev.goldcopy.qcow2.TestStores.await;
import static dev.goldcopy.qcow2.TestStores.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter with the real qemu-img: what it writes is what qemu-img itself reads. */
class RealQemuImgTest {
  private static final long MIB = 1L << 20;

  @TempDir Path root;
  private Qcow2FileStoreAdapter adapter;

  @BeforeAll
  static void needsQemuImg() {
    RealQemuImg.assume();
  }

  @BeforeEach
  void open() {
    adapter = TestStores.builder(root).maxVirtualCopiesPerSource(8).build();
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  private Path dir() {
    return TestStores.acmeDir(root);
  }

  /** Runs qemu-img (or qemu-io) in the store directory; returns its output, failing on an error. */
  private String run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir().toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out;
  }

  /** An origin holding 8 MiB of a byte pattern, written with qemu-io. */
  private Container originWithData(String name) throws IOException, InterruptedException {
    Container origin = adapter.createOrigin(ACME, name, IMAGE, GROUP, 64 * MIB, Labels.empty());
    run("qemu-io", "-f", "qcow2", "-c", "write -P 0xab 0 8M", name);
    return origin;
  }

  @Test
  void theHeaderReaderAgreesWithQemuImgInfo() throws Exception {
    Container origin = originWithData("golden");
    await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    await(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()));

    for (String name : List.of("golden", "vm-1", "golden-r001")) {
      String info = run("qemu-img", "info", "--output=json", name);
      Qcow2Header header = Qcow2Header.read(dir().resolve(name)).orElseThrow();
      assertThat(info).contains("\"virtual-size\": " + header.sizeBytes());
      if (header.backingFile() == null) {
        assertThat(info).doesNotContain("backing-filename");
      } else {
        assertThat(info).contains("\"backing-filename\": \"" + header.backingFile() + "\"");
      }
    }
    assertThat(Qcow2Header.read(dir().resolve("vm-1")).orElseThrow().backingFile())
        .isEqualTo("golden");
  }

  @Test
  void aPhysicalCopyHoldsTheSameDataAndStandsAlone() throws Exception {
    Container origin = originWithData("golden");
    Container replica =
        await(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()));
    run("qemu-img", "compare", "golden", "golden-r001");

    await(adapter.delete(ACME, origin.id()));

    assertThat(replica.state()).isEqualTo(ContainerState.READY);
    run("qemu-img", "check", "golden-r001");
    String read = run("qemu-io", "-f", "qcow2", "-c", "read -P 0xab 0 8M", "golden-r001");
    assertThat(read).contains("read 8388608/8388608 bytes");
  }

  @Test
  void anOverlayReadsItsMastersDataThroughARelativeBackingFile() throws Exception {
    Container origin = originWithData("golden");
    await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));

    run("qemu-img", "check", "vm-1");
    String read = run("qemu-io", "-f", "qcow2", "-c", "read -P 0xab 0 8M", "vm-1");

    assertThat(read).contains("read 8388608/8388608 bytes");
    assertThat(Files.size(dir().resolve("vm-1")))
        .isLessThanOrEqualTo(Qcow2FileStoreAdapterBuilder.OVERLAY_BYTES);
  }

  @Test
  void twentyThreadsRacingClonesWithLimitEightMakeExactlyEightOverlays() throws Exception {
    Container origin = adapter.createOrigin(ACME, "golden", IMAGE, GROUP, 64 * MIB, Labels.empty());
    ExecutorService threads = Executors.newFixedThreadPool(20);
    CyclicBarrier start = new CyclicBarrier(20);
    List<Future<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "vm-" + i;
      calls.add(
          threads.submit(
              () -> {
                start.await();
                try {
                  return await(adapter.createVirtualCopy(ACME, origin.id(), name, Labels.empty()));
                } catch (RuntimeException e) {
                  return e;
                }
              }));
    }
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> call : calls) {
      outcomes.add(call.get());
    }
    threads.shutdown();

    assertThat(outcomes).filteredOn(Container.class::isInstance).hasSize(8);
    assertThat(outcomes).filteredOn(LimitReachedException.class::isInstance).hasSize(12);
    List<String> overlays = new ArrayList<>();
    try (var files = Files.list(dir())) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if ("golden".equals(Qcow2Header.read(f).orElseThrow().backingFile())) {
          overlays.add(f.getFileName().toString());
        }
      }
    }
    assertThat(overlays).hasSize(8);
    run("qemu-img", "check", overlays.get(0));
  }

  @Test
  void aGoldenImageCopiedIntoTheStoreIsAdoptedWithoutACopy() throws Exception {
    run("qemu-img", "create", "-q", "-f", "qcow2", "win11.qcow2", "32M");

    Container origin =
        adapter.adoptOrigin(ACME, "win11.qcow2", IMAGE, GROUP, Labels.of("source", "upload"));
    Container clone = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));

    assertThat(origin.sizeBytes()).isEqualTo(32 * MIB);
    assertThat(origin.isOrigin()).isTrue();
    assertThat(clone.source()).isEqualTo(origin.id());
    run("qemu-img", "check", "vm-1");
  }

  @Test
  void anOverlayMadeByHandWithQemuImgKeepsItsBackingFile() throws Exception {
    Container origin = adapter.createOrigin(ACME, "golden", IMAGE, GROUP, 64 * MIB, Labels.empty());
    run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "golden", "-F", "qcow2", "mine.qcow2");

    assertThat(failure(adapter.delete(ACME, origin.id())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("mine.qcow2");
    run("qemu-img", "check", "mine.qcow2");
  }
}
