package dev.goldcopy.qcow2;

import static dev.goldcopy.qcow2.TestStores.ACME;
import static dev.goldcopy.qcow2.TestStores.GIB;
import static dev.goldcopy.qcow2.TestStores.GLOBEX;
import static dev.goldcopy.qcow2.TestStores.GROUP;
import static dev.goldcopy.qcow2.TestStores.IMAGE;
import static dev.goldcopy.qcow2.TestStores.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules under real threads: callers start together at a barrier, on one adapter instance or
 * on two over the same directory; what is left is then read from the directory itself.
 */
class ConcurrentCallersTest {
  @TempDir Path root;
  private final List<Qcow2FileStoreAdapter> adapters = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(24);

  @AfterEach
  void close() {
    threads.shutdownNow();
    adapters.forEach(Qcow2FileStoreAdapter::close);
  }

  private Qcow2FileStoreAdapter adapter(Qcow2FileStoreAdapterBuilder builder) {
    Qcow2FileStoreAdapter a = builder.imageTool(new FakeImageTool()).build();
    adapters.add(a);
    return a;
  }

  /** Runs {@code calls} calls at once; returns each call's result or failure. */
  private List<Object> race(int calls, IntFunction<Object> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls);
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      int n = i;
      futures.add(
          threads.submit(
              () -> {
                start.await();
                try {
                  return call.apply(n);
                } catch (RuntimeException e) {
                  return e;
                }
              }));
    }
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : futures) {
      outcomes.add(f.get());
    }
    return outcomes;
  }

  private static long count(List<Object> outcomes, Class<?> type) {
    return outcomes.stream().filter(type::isInstance).count();
  }

  /** The overlays in a store directory, by the backing file their headers name. */
  private static Map<String, Integer> overlaysOnDisk(Path dir) throws IOException {
    Map<String, Integer> overlays = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String backing = Qcow2Header.read(f).orElseThrow().backingFile();
        if (backing != null) {
          overlays.merge(backing, 1, Integer::sum);
        }
      }
    }
    return overlays;
  }

  @Test
  void twentyThreadsRacingClonesOfOneSourceWithLimitEightMakeExactlyEight() throws Exception {
    Qcow2FileStoreAdapter a = adapter(TestStores.builder(root).maxVirtualCopiesPerSource(8));
    Container golden = a.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());

    List<Object> outcomes =
        race(20, i -> await(a.createVirtualCopy(ACME, golden.id(), "vm-" + i, Labels.empty())));

    assertThat(count(outcomes, Container.class)).isEqualTo(8);
    assertThat(count(outcomes, LimitReachedException.class)).isEqualTo(12);
    assertThat(outcomes)
        .filteredOn(LimitReachedException.class::isInstance)
        .allMatch(e -> ((LimitReachedException) e).scope() == LimitReachedException.Scope.PER_SOURCE);
    assertThat(overlaysOnDisk(TestStores.acmeDir(root))).isEqualTo(Map.of("golden", 8));
  }

  @Test
  void twoAdapterInstancesOnOneDirectoryShareTheLimit() throws Exception {
    Qcow2FileStoreAdapter a = adapter(TestStores.builder(root).maxVirtualCopiesPerSource(8));
    Qcow2FileStoreAdapter b = adapter(TestStores.builder(root).maxVirtualCopiesPerSource(8));
    Container golden = a.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());

    List<Object> outcomes =
        race(
            20,
            i -> {
              ArrayAdapter either = i % 2 == 0 ? a : b;
              return await(either.createVirtualCopy(ACME, golden.id(), "vm-" + i, Labels.empty()));
            });

    assertThat(count(outcomes, Container.class)).isEqualTo(8);
    assertThat(overlaysOnDisk(TestStores.acmeDir(root))).isEqualTo(Map.of("golden", 8));
    assertThat(await(a.inventory(ACME)).containers())
        .containsExactlyInAnyOrderElementsOf(await(b.inventory(ACME)).containers());
  }

  @Test
  void racingCreatesOfOneNameMakeOneOverlay() throws Exception {
    Qcow2FileStoreAdapter a = adapter(TestStores.builder(root));
    Qcow2FileStoreAdapter b = adapter(TestStores.builder(root));
    Container golden = a.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());

    List<Object> outcomes =
        race(
            20,
            i ->
                await(
                    (i % 2 == 0 ? a : b)
                        .createVirtualCopy(ACME, golden.id(), "vm-1", Labels.of("n", "" + i))));

    assertThat(count(outcomes, Container.class)).isEqualTo(20);
    assertThat(outcomes.stream().map(c -> ((Container) c).id()).distinct()).hasSize(1);
    assertThat(overlaysOnDisk(TestStores.acmeDir(root))).isEqualTo(Map.of("golden", 1));
  }

  @Test
  void theArrayWideTotalHoldsAcrossStoresAndInstances() throws Exception {
    Qcow2FileStoreAdapter a = adapter(TestStores.builder(root).maxVirtualCopiesTotal(10));
    Qcow2FileStoreAdapter b = adapter(TestStores.builder(root).maxVirtualCopiesTotal(10));
    Container mine = a.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());
    Container theirs = b.createOrigin(GLOBEX, "golden", IMAGE, GROUP, GIB, Labels.empty());

    List<Object> outcomes =
        race(
            24,
            i -> {
              StoreRef store = i % 2 == 0 ? ACME : GLOBEX;
              ContainerId source = i % 2 == 0 ? mine.id() : theirs.id();
              return await(
                  (i % 3 == 0 ? a : b).createVirtualCopy(store, source, "vm-" + i, Labels.empty()));
            });

    assertThat(count(outcomes, Container.class)).isEqualTo(10);
    assertThat(outcomes)
        .filteredOn(LimitReachedException.class::isInstance)
        .hasSize(14)
        .allMatch(e -> ((LimitReachedException) e).scope() == LimitReachedException.Scope.ARRAY_TOTAL);
    int onDisk =
        overlaysOnDisk(TestStores.acmeDir(root)).values().stream().mapToInt(Integer::intValue).sum()
            + overlaysOnDisk(root.resolve("globex/pool-9")).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    assertThat(onDisk).isEqualTo(10);
    assertThat(await(a.capabilities(ACME)).usedVirtualCopiesTotal()).isEqualTo(10);
  }

  @Test
  void theContainerTotalCountsMastersAndOverlays() throws Exception {
    Qcow2FileStoreAdapter a = adapter(TestStores.builder(root).maxContainersTotal(6));
    Container golden = a.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());

    List<Object> outcomes =
        race(
            12,
            i ->
                await(
                    i % 2 == 0
                        ? a.createVirtualCopy(ACME, golden.id(), "vm-" + i, Labels.empty())
                        : a.createPhysicalCopy(ACME, golden.id(), "r-" + i, Labels.empty())));

    assertThat(count(outcomes, Container.class)).isEqualTo(5);
    assertThat(outcomes)
        .filteredOn(e -> !(e instanceof Container))
        .allMatch(
            e ->
                e instanceof LimitReachedException l
                        && l.scope() == LimitReachedException.Scope.ARRAY_CONTAINERS
                    || e instanceof dev.goldcopy.spi.BusyException);
    assertThat(await(a.inventory(ACME)).containers()).hasSizeLessThanOrEqualTo(6);
  }

  @Test
  void aMasterDeletedWhileClonesAreMadeNeverLeavesAnOverlayWithoutItsBackingFile()
      throws Exception {
    Qcow2FileStoreAdapter a = adapter(TestStores.builder(root));
    Qcow2FileStoreAdapter b = adapter(TestStores.builder(root));
    Container golden = a.createOrigin(ACME, "golden", IMAGE, GROUP, GIB, Labels.empty());

    List<Object> outcomes =
        race(
            20,
            i -> {
              if (i % 4 == 0) {
                try {
                  await(b.delete(ACME, golden.id()));
                  return "deleted";
                } catch (ConflictException e) {
                  return e;
                }
              }
              return await(a.createVirtualCopy(ACME, golden.id(), "vm-" + i, Labels.empty()));
            });

    Path dir = TestStores.acmeDir(root);
    boolean deleted = outcomes.contains("deleted");
    assertThat(Files.exists(dir.resolve("golden"))).isEqualTo(!deleted);
    for (String backing : overlaysOnDisk(dir).keySet()) {
      assertThat(dir.resolve(backing)).exists();
    }
    assertThat(outcomes)
        .allMatch(
            o ->
                o instanceof Container
                    || "deleted".equals(o)
                    || o instanceof ConflictException
                    || o instanceof ContainerNotFoundException
                    || o instanceof CompletionException);
  }
}
