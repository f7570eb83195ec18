package dev.goldcopy.examples.vendor;

import dev.goldcopy.spi.Labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryArrayAdapterTest {

  private static final long IMAGE = 1_000;
  private static final ContentId CONTENT = ContentId.of("win11", "2026.11");
  private static final StoreRef STORE = StoreRef.of("acme", "pool-a");
  private static final StoreRef OTHER_STORE = StoreRef.of("globex", "pool-b");

  private static ArrayCapabilities.Builder limits() {
    return ArrayCapabilities.builder()
        .maxVirtualCopiesPerSource(3)
        .maxVirtualCopiesTotal(5)
        .maxLocalReplicationDepth(1)
        .totalCapacityBytes(10 * IMAGE)
        .freeCapacityBytes(4 * IMAGE)
        .maxNameLength(16);
  }

  private static InMemoryArrayAdapter array(ArrayCapabilities capabilities) {
    InMemoryArrayAdapter array = new InMemoryArrayAdapter(capabilities);
    array.addStore(STORE);
    array.addStore(OTHER_STORE);
    return array;
  }

  private static Container origin(InMemoryArrayAdapter array, StoreRef store) {
    return array.addOrigin(store, "golden", CONTENT, GroupId.of("g1"), IMAGE);
  }

  private static <T> T done(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    assertThat(future).isDone();
    return future.join();
  }

  private static ArrayException failure(CompletionStage<?> stage) {
    CompletableFuture<?> future = stage.toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    Throwable thrown = catchThrowable(future::join);
    assertThat(thrown).isInstanceOf(CompletionException.class);
    if (!(thrown.getCause() instanceof ArrayException cause)) {
      throw new AssertionError("expected an ArrayException, got " + thrown.getCause());
    }
    return cause;
  }

  private static LimitReachedException.Scope limitScope(CompletionStage<?> stage) {
    ArrayException e = failure(stage);
    assertThat(e).isInstanceOf(LimitReachedException.class);
    assertThat(e.retryable()).isFalse();
    return ((LimitReachedException) e).scope();
  }

  @Test
  void capabilitiesReportTheDeclaredLimitsAndTheStoresFreeCapacity() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    ArrayCapabilities before = done(array.capabilities(STORE));
    assertThat(before)
        .isEqualTo(limits().freeCapacityBytes(3 * IMAGE).usedContainersTotal(1).build());

    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    assertThat(done(array.capabilities(STORE)).freeCapacityBytes()).isEqualTo(2 * IMAGE);
    assertThat(done(array.capabilities(OTHER_STORE)).freeCapacityBytes()).isEqualTo(4 * IMAGE);

    done(array.delete(STORE, replica.id()));
    assertThat(done(array.capabilities(STORE))).isEqualTo(before);
  }

  @Test
  void copiesCarryTheirSourcesContentGroupAndSize() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    Container clone = done(array.createVirtualCopy(STORE, replica.id(), "vm-1", Labels.empty()));

    assertThat(golden.isOrigin()).isTrue();
    assertThat(replica.kind()).isEqualTo(ContainerKind.PHYSICAL_MASTER);
    assertThat(replica.source()).isEqualTo(golden.id());
    assertThat(replica.group()).isEqualTo(GroupId.of("g1"));
    assertThat(replica.content()).isEqualTo(CONTENT);
    assertThat(replica.sizeBytes()).isEqualTo(IMAGE);
    assertThat(clone.kind()).isEqualTo(ContainerKind.VIRTUAL_COPY);
    assertThat(clone.source()).isEqualTo(replica.id());
    assertThat(clone.group()).isNull();
    assertThat(clone.content()).isEqualTo(CONTENT);
    assertThat(List.of(golden, replica, clone))
        .allSatisfy(c -> assertThat(c.state()).isEqualTo(ContainerState.READY));
    assertThat(done(array.inventory(STORE)).containers()).containsExactly(golden, replica, clone);
    assertThat(done(array.inventory(OTHER_STORE)).containers()).isEmpty();
  }

  @Test
  void creatingAgainWithTheSameNameAndSourceReturnsTheSameContainer() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    Container clone = done(array.createVirtualCopy(STORE, golden.id(), "vm-1", Labels.empty()));

    assertThat(done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()))).isEqualTo(replica);
    assertThat(done(array.createVirtualCopy(STORE, golden.id(), "vm-1", Labels.empty()))).isEqualTo(clone);
    assertThat(done(array.inventory(STORE)).containers()).hasSize(3);
  }

  @Test
  void theSameNameWithAnotherSourceOrKindIsAConflict() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    done(array.createVirtualCopy(STORE, golden.id(), "vm-1", Labels.empty()));

    assertThat(failure(array.createVirtualCopy(STORE, replica.id(), "vm-1", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(failure(array.createPhysicalCopy(STORE, golden.id(), "vm-1", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(failure(array.createVirtualCopy(STORE, golden.id(), "replica-1", Labels.empty())))
        .isInstanceOf(ConflictException.class);
    assertThat(done(array.inventory(STORE)).containers()).hasSize(3);
  }

  @Test
  void aMissingSourceIsNotFoundAndAVirtualCopyIsNoSourceOfAPhysicalCopy() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container clone = done(array.createVirtualCopy(STORE, golden.id(), "vm-1", Labels.empty()));

    assertThat(failure(array.createVirtualCopy(STORE, ContainerId.of("vol-99"), "vm-2", Labels.empty())))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThat(failure(array.createPhysicalCopy(STORE, ContainerId.of("vol-99"), "replica-1", Labels.empty())))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThat(failure(array.createPhysicalCopy(STORE, clone.id(), "replica-1", Labels.empty())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void thePerSourceLimitHoldsExactly() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    for (int i = 1; i <= 3; i++) {
      done(array.createVirtualCopy(STORE, golden.id(), "vm-" + i, Labels.empty()));
    }

    assertThat(limitScope(array.createVirtualCopy(STORE, golden.id(), "vm-4", Labels.empty())))
        .isEqualTo(LimitReachedException.Scope.PER_SOURCE);
    assertThat(done(array.createVirtualCopy(STORE, replica.id(), "vm-4", Labels.empty())).source())
        .isEqualTo(replica.id());
  }

  @Test
  void theArrayTotalCountsEveryStore() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container otherGolden = origin(array, OTHER_STORE);
    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    for (int i = 1; i <= 3; i++) {
      done(array.createVirtualCopy(STORE, golden.id(), "vm-" + i, Labels.empty()));
    }
    done(array.createVirtualCopy(OTHER_STORE, otherGolden.id(), "vm-1", Labels.empty()));
    done(array.createVirtualCopy(STORE, replica.id(), "vm-4", Labels.empty()));

    assertThat(limitScope(array.createVirtualCopy(STORE, replica.id(), "vm-5", Labels.empty())))
        .isEqualTo(LimitReachedException.Scope.ARRAY_TOTAL);
    assertThat(done(array.inventory(STORE)).findByName("vm-5")).isEmpty();
  }

  @Test
  void depthOneRefusesAVirtualCopyOfAVirtualCopy() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container clone = done(array.createVirtualCopy(STORE, golden.id(), "vm-1", Labels.empty()));

    assertThat(limitScope(array.createVirtualCopy(STORE, clone.id(), "vm-2", Labels.empty())))
        .isEqualTo(LimitReachedException.Scope.REPLICATION_DEPTH);
  }

  @Test
  void depthTwoAllowsOneLevelOfVirtualCopiesOfVirtualCopies() {
    InMemoryArrayAdapter array = array(limits().maxLocalReplicationDepth(2).build());
    Container golden = origin(array, STORE);
    Container clone = done(array.createVirtualCopy(STORE, golden.id(), "vm-1", Labels.empty()));
    Container cloneOfClone = done(array.createVirtualCopy(STORE, clone.id(), "vm-2", Labels.empty()));

    assertThat(cloneOfClone.source()).isEqualTo(clone.id());
    assertThat(limitScope(array.createVirtualCopy(STORE, cloneOfClone.id(), "vm-3", Labels.empty())))
        .isEqualTo(LimitReachedException.Scope.REPLICATION_DEPTH);
  }

  @Test
  void unlimitedDeclaresNoLimit() {
    InMemoryArrayAdapter array =
        array(
            limits()
                .maxVirtualCopiesPerSource(ArrayCapabilities.UNLIMITED)
                .maxVirtualCopiesTotal(ArrayCapabilities.UNLIMITED)
                .maxLocalReplicationDepth(ArrayCapabilities.UNLIMITED)
                .build());
    Container source = origin(array, STORE);
    for (int i = 1; i <= 50; i++) {
      source = done(array.createVirtualCopy(STORE, source.id(), "vm-" + i, Labels.empty()));
    }
    assertThat(done(array.inventory(STORE)).containers()).hasSize(51);
  }

  @Test
  void aFullStoreRefusesAPhysicalCopyAndIsLeftAsItWas() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    for (int i = 1; i <= 3; i++) {
      done(array.createPhysicalCopy(STORE, golden.id(), "replica-" + i, Labels.empty()));
    }
    List<Container> before = done(array.inventory(STORE)).containers();

    ArrayException refused = failure(array.createPhysicalCopy(STORE, golden.id(), "replica-4", Labels.empty()));
    assertThat(refused).isInstanceOf(InsufficientCapacityException.class);
    assertThat(refused.retryable()).isFalse();
    assertThat(done(array.inventory(STORE)).containers()).isEqualTo(before);
    assertThat(done(array.capabilities(STORE)).freeCapacityBytes()).isZero();
  }

  @Test
  void aSourceWithVirtualCopiesCannotBeDeletedButAFinishedReplicaIsIndependent() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container replica = done(array.createPhysicalCopy(STORE, golden.id(), "replica-1", Labels.empty()));
    Container clone = done(array.createVirtualCopy(STORE, replica.id(), "vm-1", Labels.empty()));

    assertThat(failure(array.delete(STORE, replica.id()))).isInstanceOf(ConflictException.class);
    done(array.delete(STORE, golden.id()));
    done(array.delete(STORE, clone.id()));
    done(array.delete(STORE, replica.id()));
    assertThat(done(array.inventory(STORE)).containers()).isEmpty();
  }

  @Test
  void deletingAMissingContainerSucceeds() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    done(array.delete(STORE, golden.id()));

    assertThat(array.delete(STORE, golden.id()).toCompletableFuture())
        .isCompletedWithValue(null);
    assertThat(array.delete(STORE, ContainerId.of("never")).toCompletableFuture())
        .isCompletedWithValue(null);
  }

  @Test
  void anotherTenantsStoreIsRefusedForEveryCall() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    StoreRef intruder = StoreRef.of("globex", "pool-a");
    StoreRef unknown = StoreRef.of("acme", "pool-z");

    for (StoreRef ref : List.of(intruder, unknown)) {
      assertThat(failure(array.capabilities(ref))).isInstanceOf(AccessDeniedException.class);
      assertThat(failure(array.inventory(ref))).isInstanceOf(AccessDeniedException.class);
      assertThat(failure(array.createPhysicalCopy(ref, golden.id(), "replica-1", Labels.empty())))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(failure(array.createVirtualCopy(ref, golden.id(), "vm-1", Labels.empty())))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(failure(array.delete(ref, golden.id())))
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(done(array.inventory(STORE)).containers()).containsExactly(golden);
  }

  @Test
  void aContainerOfAnotherStoreIsRefusedEvenInTheCallersOwnStore() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    Container foreign = origin(array, OTHER_STORE);

    assertThat(failure(array.createVirtualCopy(STORE, foreign.id(), "vm-1", Labels.empty())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(failure(array.createPhysicalCopy(STORE, foreign.id(), "replica-1", Labels.empty())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(failure(array.delete(STORE, foreign.id())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(done(array.inventory(STORE)).containers()).containsExactly(golden);
    assertThat(done(array.inventory(OTHER_STORE)).containers()).containsExactly(foreign);
  }

  @Test
  void namesOfTheDeclaredLengthWorkAndLongerOrMalformedOnesAreThrownAtOnce() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);
    String longest = "v".repeat(16);

    assertThat(done(array.createVirtualCopy(STORE, golden.id(), longest, Labels.empty())).name())
        .isEqualTo(longest);
    for (String bad : List.of("v".repeat(17), "", "  ", " vm", "vm\u0007")) {
      assertThatThrownBy(() -> array.createVirtualCopy(STORE, golden.id(), bad, Labels.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("name");
      assertThatThrownBy(() -> array.createPhysicalCopy(STORE, golden.id(), bad, Labels.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("name");
    }
  }

  @SuppressWarnings("NullAway") // passes null on purpose
  @Test
  void nullArgumentsAreThrownAtOnce() {
    InMemoryArrayAdapter array = array(limits().build());
    Container golden = origin(array, STORE);

    assertThatThrownBy(() -> array.capabilities(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> array.inventory(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> array.createVirtualCopy(STORE, golden.id(), null, Labels.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> array.createPhysicalCopy(STORE, null, "replica-1", Labels.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> array.delete(STORE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("container");
    assertThatThrownBy(() -> new InMemoryArrayAdapter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("declared");
  }

  @Test
  void setUpRefusesDuplicatesUnknownStoresAndOversizedOrigins() {
    InMemoryArrayAdapter array = array(limits().build());
    origin(array, STORE);

    assertThatThrownBy(() -> array.addStore(StoreRef.of("someone", "pool-a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> origin(array, StoreRef.of("acme", "pool-z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> origin(array, STORE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(
            () -> array.addOrigin(STORE, "big", CONTENT, GroupId.of("g2"), 4 * IMAGE))
        .isInstanceOf(InsufficientCapacityException.class);
    assertThatThrownBy(() -> array.addOrigin(STORE, "neg", CONTENT, GroupId.of("g2"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sizeBytes");
  }

  @Test
  void concurrentClonesOfOneSourceStopExactlyAtTheLimit() throws Exception {
    int limit = 20;
    InMemoryArrayAdapter array =
        array(limits().maxVirtualCopiesPerSource(limit).maxVirtualCopiesTotal(0).build());
    Container golden = origin(array, STORE);
    int threads = 8;
    int attemptsEach = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> made = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        made.add(
            pool.submit(
                () -> {
                  start.await();
                  int ok = 0;
                  for (int i = 0; i < attemptsEach; i++) {
                    String name = "vm-" + thread + "-" + i;
                    if (!array
                        .createVirtualCopy(STORE, golden.id(), name, Labels.empty())
                        .toCompletableFuture()
                        .isCompletedExceptionally()) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : made) {
        total += f.get();
      }
      assertThat(total).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
    assertThat(done(array.inventory(STORE)).containers()).hasSize(limit + 1);
  }
}
