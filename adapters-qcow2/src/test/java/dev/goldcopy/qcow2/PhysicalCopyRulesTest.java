package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.TestStores.ACME;
import static dev.goldcopy.qcow2.TestStores.GIB;
import static dev.goldcopy.qcow2.TestStores.GROUP;
import static dev.goldcopy.qcow2.TestStores.IMAGE;
import static dev.goldcopy.qcow2.TestStores.await;
import static dev.goldcopy.qcow2.TestStores.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Physical copies: listed at once, finished, failed, aborted, busy; with a stand-in for qemu-img. */
class PhysicalCopyRulesTest {
  @TempDir Path root;
  private final FakeImageTool tool = new FakeImageTool();
  private Qcow2FileStoreAdapter adapter;
  private Container origin;

  @BeforeEach
  void open() {
    adapter = TestStores.builder(root).imageTool(tool).build();
    origin = adapter.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());
  }

  @AfterEach
  void close() {
    tool.openGate();
    adapter.close();
  }

  private Path dir() {
    return TestStores.acmeDir(root);
  }

  private Container listed(String name) {
    return await(adapter.inventory(ACME)).findByName(name).orElseThrow();
  }

  private long temporaries() throws IOException {
    try (Stream<Path> files = Files.list(dir().resolve(".goldcopy/tmp"))) {
      return files.count();
    }
  }

  @Test
  void aCopyIsListedAsCopyingAtOnceAndRenamedIntoPlaceWhenDone() throws IOException {
    tool.closeGate();
    CompletionStage<Container> pending =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.of("role", "r"));
    while (await(adapter.inventory(ACME)).findByName("golden-r001").isEmpty()) {
      Thread.onSpinWait();
    }

    Container copying = listed("golden-r001");
    assertThat(copying.state()).isEqualTo(ContainerState.COPYING);
    assertThat(copying.labels()).isEqualTo(Labels.of("role", "r"));
    assertThat(dir().resolve("golden-r001")).doesNotExist();
    assertThat(failure(adapter.delete(ACME, origin.id()))).isInstanceOf(ConflictException.class);
    tool.openGate();
    Container ready = await(pending);

    assertThat(ready.state()).isEqualTo(ContainerState.READY);
    assertThat(ready.id()).isEqualTo(copying.id());
    assertThat(ready.group()).isEqualTo(GROUP);
    assertThat(ready.source()).isEqualTo(origin.id());
    assertThat(Qcow2Header.read(dir().resolve("golden-r001")).orElseThrow().hasBackingFile())
        .isFalse();
    assertThat(temporaries()).isZero();
    await(adapter.delete(ACME, origin.id())); // a finished copy does not depend on its source
    assertThat(listed("golden-r001").state()).isEqualTo(ContainerState.READY);
  }

  @Test
  void sameNameCallersWaitForTheOneCopy() {
    tool.closeGate();
    CompletionStage<Container> first =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    CompletionStage<Container> second =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    tool.openGate();

    assertThat(await(second).id()).isEqualTo(await(first).id());
    assertThat(tool.converts).hasValue(1);
  }

  @Test
  void copiesOverTheDeclaredConcurrencyAreBusy() {
    tool.closeGate();
    CompletionStage<Container> a =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    CompletionStage<Container> b =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r002", Labels.empty());
    while (tool.converts.get() < 2) {
      Thread.onSpinWait();
    }

    Throwable busy =
        failure(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r003", Labels.empty()));
    tool.openGate();

    assertThat(busy).isInstanceOf(BusyException.class);
    assertThat(busy).extracting(e -> ((BusyException) e).retryable()).isEqualTo(true);
    await(a);
    await(b);
    assertThat(await(adapter.inventory(ACME)).findByName("golden-r003")).isEmpty();
  }

  @Test
  void deletingACopyInProgressAbortsItAndFreesTheName() throws IOException {
    tool.closeGate();
    CompletionStage<Container> pending =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    CompletionStage<Container> waiter =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    Container copying = waitUntilListed("golden-r001");

    await(adapter.delete(ACME, copying.id()));

    assertThat(failure(pending)).isInstanceOf(CopyAbortedException.class);
    assertThat(failure(waiter)).isInstanceOf(CopyAbortedException.class);
    assertThat(await(adapter.inventory(ACME)).findByName("golden-r001")).isEmpty();
    assertThat(temporaries()).isZero();
    tool.openGate();
    Container again =
        await(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()));
    assertThat(again.id()).isNotEqualTo(copying.id());
    assertThat(again.state()).isEqualTo(ContainerState.READY);
  }

  @Test
  void aFailedCopyKeepsItsNameUntilDeleted() throws IOException {
    tool.failCopies(true);
    Throwable failed =
        failure(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.of("a", "b")));

    assertThat(failed).isInstanceOf(CopyFailedException.class).hasMessageContaining("fake failure");
    Container listed = listed("golden-r001");
    assertThat(listed.state()).isEqualTo(ContainerState.FAILED);
    assertThat(listed.labels()).isEqualTo(Labels.of("a", "b"));
    assertThat(((CopyFailedException) failed).container()).isEqualTo(listed.id());
    assertThat(failure(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty())))
        .isInstanceOf(CopyFailedException.class);
    assertThat(temporaries()).isZero();

    tool.failCopies(false);
    await(adapter.delete(ACME, listed.id()));
    assertThat(await(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()))
            .state())
        .isEqualTo(ContainerState.READY);
  }

  @Test
  void aCopyReservesItsSourcesSizeWhileItRuns() {
    long before = await(adapter.capabilities(ACME)).freeCapacityBytes();
    tool.closeGate();
    CompletionStage<Container> pending =
        adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    waitUntilListed("golden-r001");

    long during = await(adapter.capabilities(ACME)).freeCapacityBytes();
    tool.openGate();
    await(pending);

    assertThat(during).isLessThanOrEqualTo(before - GIB + (64L << 20)); // other writers: 64 MiB
  }

  @Test
  void aQuotaCountsMastersAtTheirCopyCostAndOverlaysAtTheirs() {
    adapter.close();
    adapter = TestStores.builder(root).imageTool(tool).capacityQuotaBytes(10 * GIB).build();
    Container replica =
        await(adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty()));
    await(adapter.createVirtualCopy(ACME, replica.id(), "vm-1", Labels.empty()));

    var caps = await(adapter.capabilities(ACME));

    assertThat(caps.totalCapacityBytes()).isEqualTo(10 * GIB);
    assertThat(caps.freeCapacityBytes())
        .isEqualTo(10 * GIB - 2 * GIB - Qcow2FileStoreAdapterBuilder.OVERLAY_BYTES);
    Container big = adapter.createOrigin(ACME, "big", IMAGE, GROUP, 5 * GIB, Labels.empty());
    assertThat(failure(adapter.createPhysicalCopy(ACME, big.id(), "big-r001", Labels.empty())))
        .isInstanceOf(InsufficientCapacityException.class);
  }

  @Test
  void aCopyThatCannotFitIsRefusedAndLeavesNothing() throws IOException {
    long huge = await(adapter.capabilities(ACME)).totalCapacityBytes() * 2;
    Container big = adapter.createOrigin(ACME, "huge", IMAGE, GROUP, huge, Labels.empty());

    Throwable refused =
        failure(adapter.createPhysicalCopy(ACME, big.id(), "huge-r001", Labels.empty()));

    assertThat(refused).isInstanceOf(InsufficientCapacityException.class);
    assertThat(await(adapter.inventory(ACME)).findByName("huge-r001")).isEmpty();
    assertThat(temporaries()).isZero();
  }

  @Test
  void aCopyOfAnOverlayOrOfACopyInProgressConflicts() {
    Container clone = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    tool.closeGate();
    adapter.createPhysicalCopy(ACME, origin.id(), "golden-r001", Labels.empty());
    Container copying = waitUntilListed("golden-r001");

    assertThat(failure(adapter.createPhysicalCopy(ACME, clone.id(), "x", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(failure(adapter.createPhysicalCopy(ACME, copying.id(), "y", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(failure(adapter.createVirtualCopy(ACME, copying.id(), "vm-2", Labels.empty())))
        .isInstanceOf(ConflictException.class);
  }

  private Container waitUntilListed(String name) {
    while (true) {
      var found = await(adapter.inventory(ACME)).findByName(name);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.onSpinWait();
    }
  }
}
