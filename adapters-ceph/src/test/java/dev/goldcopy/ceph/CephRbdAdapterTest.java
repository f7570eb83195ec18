package dev.goldcopy.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the kit cannot see: how the adapter leaves the pool (read with the rbd tool, not through
 * the adapter), and copies that are interrupted, aborted or fail.
 */
@RequiresCeph
class CephRbdAdapterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContentId WIN11 = ContentId.of("win11", "2026.11");
  private static final GroupId GROUP = GroupId.of("win11");
  private static final long MIB = 1L << 20;

  private final StoreRef store = CephCluster.freshStore("acme");
  private final List<CephRbdAdapter> adapters = new ArrayList<>();
  private final CephRbdAdapter adapter = newAdapter();
  private final String ns = adapter.namespace(store);

  private CephRbdAdapter newAdapter() {
    CephRbdAdapter a = CephCluster.adapter().store(store).build();
    adapters.add(a);
    return a;
  }

  @AfterEach
  void dropNamespace() {
    adapters.forEach(CephRbdAdapter::close);
    CephCluster.dropNamespace(ns);
  }

  @Test
  void recordAndLabelsLiveInImageMetadataUnderTheirOwnKeys() throws Exception {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 64 * MIB, Labels.of("os", "win")));
    Container clone =
        await(
            adapter.createVirtualCopy(
                store, origin.id(), "vm-1", Labels.of("owner", "ann \"a\"", "tier", "gold")));

    JsonNode meta = JSON.readTree(CephCluster.rbd("image-meta", "list", "--format", "json",
        "rbd/" + ns + "/vm-1"));
    assertThat(meta.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("goldcopy.container", "goldcopy.labels");
    assertThat(JSON.readTree(meta.get("goldcopy.labels").asText()).get("owner").asText())
        .isEqualTo("ann \"a\"");
    assertThat(JSON.readTree(meta.get("goldcopy.container").asText()).get("kind").asText())
        .isEqualTo("virtual");
    Container listed = inventory(adapter).find(clone.id()).orElseThrow();
    assertThat(listed.labels()).isEqualTo(Labels.of("owner", "ann \"a\"", "tier", "gold"));
    assertThat(inventory(adapter).find(origin.id()).orElseThrow().labels())
        .isEqualTo(Labels.of("os", "win"));
  }

  @Test
  void theBaseSnapshotIsHiddenAndGoesWithTheLastClone() throws Exception {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 64 * MIB, Labels.empty()));
    Container first = await(adapter.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));
    Container second = await(adapter.createVirtualCopy(store, origin.id(), "vm-2", Labels.empty()));

    assertThat(snapshots("gold")).containsExactly(Images.BASE_SNAPSHOT);
    JsonNode info = JSON.readTree(CephCluster.rbd("info", "--format", "json", "rbd/" + ns + "/vm-1"));
    assertThat(info.get("parent").get("snapshot").asText()).isEqualTo(Images.BASE_SNAPSHOT);
    assertThat(inventory(adapter).containers())
        .extracting(Container::name)
        .containsExactlyInAnyOrder("gold", "vm-1", "vm-2");
    assertThat(first.source()).isEqualTo(origin.id());

    await(adapter.delete(store, first.id()));
    assertThat(snapshots("gold")).containsExactly(Images.BASE_SNAPSHOT);
    await(adapter.delete(store, second.id()));
    assertThat(snapshots("gold")).isEmpty();
    await(adapter.delete(store, origin.id()));
    assertThat(images()).isEmpty();
  }

  @Test
  void aFinishedPhysicalCopyIsIndependentAndUnmarked() throws Exception {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 64 * MIB, Labels.empty()));
    writeData("gold", 16);

    Container replica =
        await(adapter.createPhysicalCopy(store, origin.id(), "win11-r001", Labels.empty()));

    JsonNode info =
        JSON.readTree(CephCluster.rbd("info", "--format", "json", "rbd/" + ns + "/win11-r001"));
    assertThat(info.has("parent")).isFalse();
    assertThat(metadataKeys("win11-r001")).doesNotContain(ImageRecord.COPY_KEY);
    assertThat(snapshots("gold")).isEmpty();
    assertThat(replica.source()).isEqualTo(origin.id());
    assertThat(replica.group()).isEqualTo(GROUP);
    await(adapter.delete(store, origin.id()));
    assertThat(inventory(adapter).find(replica.id()).orElseThrow().state())
        .isEqualTo(ContainerState.READY);
  }

  @Test
  void aCopyInterruptedByACrashIsFoundByNameAndResumedByANewAdapter() throws Exception {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 64 * MIB, Labels.empty()));
    writeData("gold", 16);
    // What a crash between the clone and the end of its flatten leaves in the pool.
    CephCluster.rbd("snap", "create", "--no-progress", "rbd/" + ns + "/gold@" + Images.BASE_SNAPSHOT);
    CephCluster.rbd("clone", "rbd/" + ns + "/gold@" + Images.BASE_SNAPSHOT, "rbd/" + ns + "/r1");
    ImageRecord record =
        new dev.goldcopy.ceph.ImageRecord(
            dev.goldcopy.spi.ContainerKind.PHYSICAL_MASTER, WIN11, GROUP, origin.id().value(), 0);
    CephCluster.rbd("image-meta", "set", "rbd/" + ns + "/r1", ImageRecord.KEY, record.toJson());
    CephCluster.rbd("image-meta", "set", "rbd/" + ns + "/r1", ImageRecord.COPY_KEY, "copying");

    CephRbdAdapter restarted = newAdapter();
    Container listed = inventory(restarted).findByName("r1").orElseThrow();
    assertThat(listed.state()).isEqualTo(ContainerState.COPYING);
    assertThat(listed.source()).isEqualTo(origin.id());
    assertThat(
            catchThrowable(() -> await(restarted.delete(store, origin.id()))))
        .as("the source of a copy in progress")
        .isInstanceOf(ConflictException.class);

    Container resumed =
        await(restarted.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));

    assertThat(resumed.id()).isEqualTo(listed.id());
    assertThat(resumed.state()).isEqualTo(ContainerState.READY);
    JsonNode info = JSON.readTree(CephCluster.rbd("info", "--format", "json", "rbd/" + ns + "/r1"));
    assertThat(info.has("parent")).isFalse();
    assertThat(snapshots("gold")).isEmpty();
  }

  @Test
  void deletingACopyInProgressAbortsItAndFreesTheNameAtOnce() throws Exception {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 512 * MIB, Labels.empty()));
    writeData("gold", 512);

    CompletionStage<Container> copy =
        adapter.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());
    Container listed = inventory(adapter).findByName("r1").orElseThrow();
    assertThat(listed.state()).isEqualTo(ContainerState.COPYING);
    assertThat(catchThrowable(() -> await(adapter.delete(store, origin.id()))))
        .as("the source of a copy in progress")
        .isInstanceOf(ConflictException.class);

    await(adapter.delete(store, listed.id()));

    assertThat(catchThrowable(() -> await(copy))).isInstanceOf(CopyAbortedException.class);
    assertThat(images()).containsExactly("gold");
    assertThat(inventory(adapter).findByName("r1")).isEmpty();
    Container again = await(adapter.createVirtualCopy(store, origin.id(), "r1", Labels.empty()));
    assertThat(again.name()).isEqualTo("r1");
  }

  @Test
  void aCopyWhoseFlattenDiesIsListedFailedAndCanBeDeleted() throws Exception {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 512 * MIB, Labels.empty()));
    writeData("gold", 512);

    CompletionStage<Container> copy =
        adapter.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());
    assertThat(inventory(adapter).findByName("r1")).isPresent();
    killFlatten();

    assertThat(catchThrowable(() -> await(copy))).isInstanceOf(CopyFailedException.class);
    Container failed = inventory(newAdapter()).findByName("r1").orElseThrow();
    assertThat(failed.state()).isEqualTo(ContainerState.FAILED);
    assertThat(
            catchThrowable(
                () -> await(adapter.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()))))
        .isInstanceOf(CopyFailedException.class);
    await(adapter.delete(store, failed.id()));
    await(adapter.delete(store, origin.id()));
    assertThat(images()).isEmpty();
  }

  @Test
  void aNewAdapterListsWhatAnEarlierOneMade() {
    Container origin =
        await(adapter.createOrigin(store, "gold", WIN11, GROUP, 64 * MIB, Labels.of("a", "1")));
    Container replica =
        await(adapter.createPhysicalCopy(store, origin.id(), "gold-r1", Labels.of("b", "2")));
    Container clone = await(adapter.createVirtualCopy(store, replica.id(), "vm-1", Labels.empty()));

    Inventory before = inventory(adapter);
    Inventory after = inventory(newAdapter());

    assertThat(after.containers()).containsExactlyInAnyOrderElementsOf(before.containers());
    assertThat(after.find(clone.id()).orElseThrow().source()).isEqualTo(replica.id());
  }

  // ---------------------------------------------------------------- helpers

  private Inventory inventory(CephRbdAdapter a) {
    return await(a.inventory(store));
  }

  private List<String> images() {
    return lines(CephCluster.rbd("ls", "rbd/" + ns));
  }

  private List<String> snapshots(String image) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode s :
        JSON.readTree(CephCluster.rbd("snap", "ls", "--all", "--format", "json",
            "rbd/" + ns + "/" + image))) {
      names.add(s.get("name").asText());
    }
    return names;
  }

  private List<String> metadataKeys(String image) throws Exception {
    String out = CephCluster.rbd("image-meta", "list", "--format", "json", "rbd/" + ns + "/" + image);
    List<String> keys = new ArrayList<>();
    if (!out.isBlank()) {
      JSON.readTree(out).fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  private void writeData(String image, int mib) {
    CephCluster.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-pattern", "seq",
        "--io-total", mib + "M", "rbd/" + ns + "/" + image);
  }

  /** Kills this JVM's running {@code rbd flatten} child by its process id, as a crash of it. */
  private static void killFlatten() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Optional<ProcessHandle> flatten =
          ProcessHandle.current()
              .descendants()
              .filter(p -> p.info().arguments().map(a -> List.of(a).contains("flatten")).orElse(false))
              .findFirst();
      if (flatten.isPresent()) {
        flatten.get().destroyForcibly();
        flatten.get().onExit().orTimeout(1, TimeUnit.MINUTES).join();
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("no rbd flatten ran");
  }

  private static List<String> lines(String text) {
    return text.lines().filter(line -> !line.isBlank()).map(String::strip).toList();
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
