package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.TestStores.ACME;
import static dev.goldcopy.qcow2.TestStores.GIB;
import static dev.goldcopy.qcow2.TestStores.GLOBEX;
import static dev.goldcopy.qcow2.TestStores.GROUP;
import static dev.goldcopy.qcow2.TestStores.IMAGE;
import static dev.goldcopy.qcow2.TestStores.await;
import static dev.goldcopy.qcow2.TestStores.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules around virtual copies and deletes, with a stand-in for qemu-img. */
class VirtualCopyRulesTest {
  @TempDir Path root;
  private final FakeImageTool tool = new FakeImageTool();
  private Qcow2FileStoreAdapter adapter;
  private Container origin;

  @BeforeEach
  void open() {
    adapter = TestStores.builder(root).imageTool(tool).build();
    origin = adapter.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.of("tier", "gold"));
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  private Path dir() {
    return TestStores.acmeDir(root);
  }

  @Test
  void anOverlayIsMadeNextToItsSourceWithARelativeBackingFile() throws IOException {
    Container clone =
        await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.of("vm", "vm-1")));

    Qcow2Header header = Qcow2Header.read(dir().resolve("vm-1")).orElseThrow();
    assertThat(header.backingFile()).isEqualTo("golden");
    assertThat(header.sizeBytes()).isEqualTo(GIB);
    assertThat(clone.kind()).isEqualTo(ContainerKind.VIRTUAL_COPY);
    assertThat(clone.source()).isEqualTo(origin.id());
    assertThat(clone.labels()).isEqualTo(Labels.of("vm", "vm-1"));
    Inventory inventory = await(adapter.inventory(ACME));
    assertThat(inventory.find(clone.id())).contains(clone);
    assertThat(inventory.find(origin.id()).orElseThrow().labels())
        .isEqualTo(Labels.of("tier", "gold"));
  }

  @Test
  void theSameCreateTwiceGivesOneOverlayAndTheFirstLabels() {
    Container first = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    Container again =
        await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.of("x", "y")));

    assertThat(again).isEqualTo(first);
    assertThat(tool.overlays).hasValue(1);
  }

  @Test
  void aTakenNameIsNeverOverwritten() throws IOException {
    Container other = adapter.createOrigin(ACME, "other", IMAGE, GROUP, GIB, Labels.empty());
    await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    Files.writeString(dir().resolve("notes.txt"), "hand-made");

    assertThat(failure(adapter.createVirtualCopy(ACME, other.id(), "vm-1", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(failure(adapter.createPhysicalCopy(ACME, origin.id(), "vm-1", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(failure(adapter.createVirtualCopy(ACME, origin.id(), "notes.txt", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(dir().resolve("notes.txt")).hasContent("hand-made");
    assertThat(Qcow2Header.read(dir().resolve("vm-1")).orElseThrow().backingFile())
        .isEqualTo("golden");
  }

  @Test
  void aMasterWithOverlaysCannotBeDeletedUntilTheyAreGone() {
    Container a = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    Container b = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-2", Labels.empty()));

    assertThat(failure(adapter.delete(ACME, origin.id()))).isInstanceOf(ConflictException.class);
    await(adapter.delete(ACME, a.id()));
    assertThat(failure(adapter.delete(ACME, origin.id()))).isInstanceOf(ConflictException.class);
    await(adapter.delete(ACME, b.id()));
    await(adapter.delete(ACME, origin.id()));

    assertThat(dir().resolve("golden")).doesNotExist();
    assertThat(dir().resolve(".goldcopy/meta/golden")).doesNotExist();
    assertThat(await(adapter.inventory(ACME)).containers()).isEmpty();
  }

  @Test
  void anOverlayMadeByHandAlsoProtectsItsBackingFile() throws IOException {
    Files.write(dir().resolve("hand-made.qcow2"), FakeImageTool.header(GIB, "golden"));

    assertThat(failure(adapter.delete(ACME, origin.id())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("hand-made.qcow2");
    assertThat(dir().resolve("golden")).exists();
  }

  @Test
  void deletingAMissingContainerSucceedsAndTheNameIsFreeAtOnce() {
    Container clone = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    await(adapter.delete(ACME, clone.id()));
    await(adapter.delete(ACME, clone.id()));

    Container again = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));

    assertThat(again.id()).isNotEqualTo(clone.id());
    await(adapter.delete(ACME, clone.id())); // the old id names nothing now
    assertThat(await(adapter.inventory(ACME)).find(again.id())).isPresent();
  }

  @Test
  void anOverlayOfAnOverlayIsRefusedAtTheDefaultDepth() {
    Container clone = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));

    Throwable refused = failure(adapter.createVirtualCopy(ACME, clone.id(), "vm-2", Labels.empty()));

    assertThat(refused).isInstanceOf(LimitReachedException.class);
    assertThat(((LimitReachedException) refused).scope())
        .isEqualTo(LimitReachedException.Scope.REPLICATION_DEPTH);
  }

  @Test
  void chainsAsDeepAsDeclaredAreMade() {
    adapter.close();
    adapter = TestStores.builder(root).imageTool(tool).maxLocalReplicationDepth(2).build();
    Container clone = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    Container deeper = await(adapter.createVirtualCopy(ACME, clone.id(), "vm-2", Labels.empty()));

    Throwable refused =
        failure(adapter.createVirtualCopy(ACME, deeper.id(), "vm-3", Labels.empty()));

    assertThat(deeper.source()).isEqualTo(clone.id());
    assertThat(refused).isInstanceOf(LimitReachedException.class);
    assertThat(failure(adapter.delete(ACME, clone.id()))).isInstanceOf(ConflictException.class);
  }

  @Test
  void anotherTenantIsRefused() {
    Container theirs = adapter.createOrigin(GLOBEX, "theirs", IMAGE, GROUP, GIB, Labels.empty());
    StoreRef intruder = new StoreRef(ACME.tenant(), GLOBEX.store());

    assertThat(failure(adapter.inventory(intruder))).isInstanceOf(AccessDeniedException.class);
    assertThat(failure(adapter.createVirtualCopy(ACME, theirs.id(), "vm-1", Labels.empty())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(failure(adapter.delete(ACME, theirs.id())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(failure(adapter.inventory(StoreRef.of("acme", "nowhere"))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(await(adapter.inventory(GLOBEX)).find(theirs.id())).isPresent();
  }

  @Test
  void aMissingSourceIsNotFound() {
    Container clone = await(adapter.createVirtualCopy(ACME, origin.id(), "vm-1", Labels.empty()));
    await(adapter.delete(ACME, clone.id()));

    assertThat(failure(adapter.createVirtualCopy(ACME, clone.id(), "vm-2", Labels.empty())))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThat(
            failure(
                adapter.createVirtualCopy(
                    ACME, dev.goldcopy.spi.ContainerId.of("golden"), "vm-2", Labels.empty())))
        .isInstanceOf(ContainerNotFoundException.class);
  }

  @Test
  void namesThatAreNotSafeFileNamesAreRefusedAtOnce() {
    for (String bad :
        new String[] {"a/b", "..", "a..b", ".hidden", "-flag", "tab\there", "é", "x".repeat(201)}) {
      assertThatThrownBy(() -> adapter.createVirtualCopy(ACME, origin.id(), bad, Labels.empty()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> adapter.createPhysicalCopy(ACME, origin.id(), bad, Labels.empty()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(await(adapter.capabilities(ACME)).nameRules().allows("vm-00001.qcow2")).isTrue();
  }
}
