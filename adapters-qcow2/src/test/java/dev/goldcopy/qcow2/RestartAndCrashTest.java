package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.TestStores.ACME;
import static dev.goldcopy.qcow2.TestStores.GIB;
import static dev.goldcopy.qcow2.TestStores.GROUP;
import static dev.goldcopy.qcow2.TestStores.IMAGE;
import static dev.goldcopy.qcow2.TestStores.await;
import static dev.goldcopy.qcow2.TestStores.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.TransientArrayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stopped or crashed adapter leaves, and how the next instance finds it. */
class RestartAndCrashTest {
  @TempDir Path root;
  private final FakeImageTool tool = new FakeImageTool();
  private Qcow2FileStoreAdapter first;
  private Container origin;

  @BeforeEach
  void open() {
    first = TestStores.builder(root).imageTool(tool).build();
    origin = first.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());
  }

  @AfterEach
  void close() {
    tool.openGate();
    first.close();
  }

  private Qcow2FileStoreAdapter another() {
    return TestStores.builder(root).imageTool(new FakeImageTool()).build();
  }

  private Path dir() {
    return TestStores.acmeDir(root);
  }

  private long temporaries() throws IOException {
    try (Stream<Path> files = Files.list(dir().resolve(".goldcopy/tmp"))) {
      return files.count();
    }
  }

  private Container waitUntilListed(Qcow2FileStoreAdapter adapter, String name) {
    while (true) {
      var found = await(adapter.inventory(ACME)).findByName(name);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void aCopyCutShortByAStopIsListedFailedByNameAndLabelsAfterARestart() throws IOException {
    tool.closeGate();
    CompletionStage<Container> pending =
        first.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.of("run", "7"));
    Container copying = waitUntilListed(first, "golden-r001");
    first.close();
    assertThat(failure(pending)).isInstanceOf(TransientArrayException.class);

    try (Qcow2FileStoreAdapter next = another()) {
      Container listed = await(next.inventory(ACME)).findByName("golden-r001").orElseThrow();
      assertThat(listed.id()).isEqualTo(copying.id());
      assertThat(listed.state()).isEqualTo(ContainerState.FAILED);
      assertThat(listed.labels()).isEqualTo(Labels.of("run", "7"));
      assertThat(temporaries()).isZero();
      assertThat(
              failure(next.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty())))
          .isInstanceOf(CopyFailedException.class);

      await(next.delete(ACME, listed.id()));
      assertThat(
              await(next.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()))
                  .state())
          .isEqualTo(ContainerState.READY);
    }
  }

  @Test
  void anotherInstanceWaitsForACopyThisOneRuns() {
    tool.closeGate();
    CompletionStage<Container> mine =
        first.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    waitUntilListed(first, "golden-r001");

    try (Qcow2FileStoreAdapter next = another()) {
      CompletionStage<Container> theirs =
          next.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
      assertThat(theirs.toCompletableFuture()).isNotDone();
      tool.openGate();

      assertThat(await(theirs).id()).isEqualTo(await(mine).id());
      assertThat(await(theirs).state()).isEqualTo(ContainerState.READY);
    }
  }

  @Test
  void anotherInstanceCanAbortACopyThisOneRuns() throws IOException {
    tool.closeGate();
    CompletionStage<Container> mine =
        first.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    Container copying = waitUntilListed(first, "golden-r001");

    try (Qcow2FileStoreAdapter next = another()) {
      await(next.delete(ACME, copying.id()));

      assertThat(failure(mine)).isInstanceOf(CopyAbortedException.class);
      assertThat(await(next.inventory(ACME)).findByName("golden-r001")).isEmpty();
      assertThat(temporaries()).isZero();
      await(next.delete(ACME, origin.id())); // no copy depends on it any more
    }
  }

  @Test
  void halfDoneWorkOfACrashIsFinishedOrUndoneByTheNextInstance() throws IOException {
    Container clone = await(first.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    Container gone = await(first.createVirtualCopy(ACME, origin.id(), "vm-2", Labels.empty()));
    Container replica =
        await(first.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()));
    first.close();
    Path meta = dir().resolve(".goldcopy/meta");
    Path tmp = dir().resolve(".goldcopy/tmp");
    // A create that wrote its record and crashed before its image was renamed into place:
    Files.delete(dir().resolve("vm-2"));
    // A copy that was renamed into place, and crashed before its record said so:
    ContainerRecord done = ContainerRecord.decode(Files.readAllBytes(meta.resolve("golden-r001")));
    Files.write(
        meta.resolve("golden-r001"),
        done.with(ContainerState.COPYING, done.sizeBytes(), null).encode());
    // Leftovers: a torn record write, an overlay never renamed, a copy nobody owns.
    Files.writeString(meta.resolve(".vm-3.abc.tmp"), "goldcopy.format=1\n");
    Files.write(tmp.resolve("vm-3.abc.new"), FakeImageTool.header(GIB, "golden"));
    Files.write(tmp.resolve("golden-r002.def.qcow2"), FakeImageTool.header(GIB, null));
    Files.writeString(tmp.resolve("golden-r002.def.lock"), "");
    // And a file the adapter never made:
    Files.writeString(dir().resolve("README"), "hands off");

    try (Qcow2FileStoreAdapter next = another()) {
      Inventory inventory = await(next.inventory(ACME));

      assertThat(inventory.containers())
          .extracting(Container::name)
          .containsExactly("golden", "golden-r001", "vm-1");
      assertThat(inventory.find(replica.id()).orElseThrow().state())
          .isEqualTo(ContainerState.READY);
      assertThat(inventory.find(clone.id()).orElseThrow().kind())
          .isEqualTo(ContainerKind.VIRTUAL_COPY);
      assertThat(inventory.find(gone.id())).isEmpty();
      assertThat(meta.resolve(".vm-3.abc.tmp")).doesNotExist();
      assertThat(temporaries()).isZero();
      assertThat(dir().resolve("README")).hasContent("hands off");
      Container again = await(next.createVirtualCopy(ACME, origin.id(), "vm-2", Labels.empty()));
      assertThat(again.id()).isNotEqualTo(gone.id());
    }
  }

  @Test
  void aMasterRemovedByHandDisappearsFromTheInventory() throws IOException {
    Container replica =
        await(first.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()));
    Files.delete(dir().resolve("golden-r001"));

    Inventory inventory = await(first.inventory(ACME));

    assertThat(inventory.find(replica.id())).isEmpty();
    assertThat(dir().resolve(".goldcopy/meta/golden-r001")).doesNotExist();
    assertThat(Map.of("golden", origin.id()))
        .containsEntry("golden", inventory.findByName("golden").orElseThrow().id());
  }
}
