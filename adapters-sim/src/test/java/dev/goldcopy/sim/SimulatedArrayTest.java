package dev.goldcopy.sim;

import dev.goldcopy.spi.Labels;
import static dev.goldcopy.sim.TestArrays.ACME;
import static dev.goldcopy.sim.TestArrays.GIB;
import static dev.goldcopy.sim.TestArrays.GROUP;
import static dev.goldcopy.sim.TestArrays.WIN11;
import static dev.goldcopy.sim.TestArrays.array;
import static dev.goldcopy.sim.TestArrays.completionTime;
import static dev.goldcopy.sim.TestArrays.origin;
import static dev.goldcopy.sim.TestArrays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SimulatedArrayTest {

  private static final VendorProfile TWO_COPIES_THREE_CLONES =
      VendorProfile.builder("tight")
          .maxConcurrentPhysicalCopies(2)
          .maxConcurrentVirtualCopies(3)
          .build();

  // ------------------------------------------------------------------ concurrency

  @Test
  void physicalCopiesOverTheConcurrencyLimitAreBusy() {
    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(TWO_COPIES_THREE_CLONES)
            .latency(TestArrays.ONE_GIB_PER_SECOND)
            .busyRetryAfter(Duration.ofSeconds(10))
            .build();
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());
    sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty());

    BusyException busy =
        catchThrowableOfType(
            BusyException.class, () -> sim.await(sim.createPhysicalCopy(store, origin.id(), "r3", Labels.empty())));

    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(sim.await(sim.inventory(store)).findByName("r3")).isEmpty();
    sim.runUntilIdle();
    assertThat(sim.await(sim.createPhysicalCopy(store, origin.id(), "r3", Labels.empty())).isReady()).isTrue();
    assertThat(sim.records().peakConcurrentPhysicalCopies()).isEqualTo(2);
  }

  @Test
  void cloneCreationsOverTheConcurrencyLimitAreBusy() {
    SimulatedArray sim = array(TWO_COPIES_THREE_CLONES);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    for (int i = 0; i < 3; i++) {
      sim.createVirtualCopy(store, origin.id(), "vm-" + i, Labels.empty());
    }

    BusyException busy =
        catchThrowableOfType(
            BusyException.class, () -> sim.await(sim.createVirtualCopy(store, origin.id(), "vm-3", Labels.empty())));

    assertThat(busy.retryAfter()).isEmpty();
    assertThat(sim.records().peakConcurrentVirtualCopies()).isEqualTo(3);
    sim.runUntilIdle();
    assertThat(sim.await(sim.createVirtualCopy(store, origin.id(), "vm-3", Labels.empty())).isReady()).isTrue();
  }

  @Test
  void askingAgainForACopyInProgressWaitsForItWithoutTakingASlot() {
    SimulatedArray sim = array(VendorProfile.builder("one").maxConcurrentPhysicalCopies(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 4 * GIB);

    Duration[] first = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    sim.runFor(Duration.ofSeconds(1));
    CompletionStage<Container> again = sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());
    Duration[] second = completionTime(sim, again);
    sim.runUntilIdle();

    assertThat(first[0]).isEqualTo(Duration.ofSeconds(4));
    assertThat(second[0]).isEqualTo(Duration.ofSeconds(4));
    assertThat(sim.await(again).state()).isEqualTo(ContainerState.READY);
  }

  // ------------------------------------------------------------------ delete

  @Test
  void deletingACopyInProgressAbortsItAndFreesEverything() {
    SimulatedArray sim = array(VendorProfile.builder("one").maxConcurrentPhysicalCopies(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);
    long free = sim.await(sim.capabilities(store)).freeCapacityBytes();
    CompletionStage<Container> copy = sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());
    Container copying = sim.await(sim.inventory(store)).findByName("r1").orElseThrow();
    assertThat(copying.state()).isEqualTo(ContainerState.COPYING);

    sim.await(sim.delete(store, copying.id()));

    CopyAbortedException aborted =
        catchThrowableOfType(CopyAbortedException.class, () -> sim.await(copy));
    assertThat(aborted.name()).isEqualTo("r1");
    assertThat(aborted.retryable()).isFalse();
    assertThat(sim.await(sim.inventory(store)).findByName("r1")).isEmpty();
    assertThat(sim.await(sim.capabilities(store)).freeCapacityBytes()).isEqualTo(free);
    assertThat(sim.await(sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty())).isReady()).isTrue();
    // the aborted copy's completion never ran: time went to the delete, then to r2's 10 s
    assertThat(sim.elapsed()).isEqualTo(Duration.ofSeconds(11));
  }

  @Test
  void deletingACloneBeingMadeAbortsItAndFreesItsSource() {
    SimulatedArray sim = array(VendorProfile.builder("one").maxVirtualCopiesPerSource(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    CompletionStage<Container> clone = sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty());
    Container making = sim.await(sim.inventory(store)).findByName("vm-1").orElseThrow();
    assertThat(making.state()).isEqualTo(ContainerState.COPYING);

    sim.await(sim.delete(store, making.id()));

    assertThat(catchThrowableOfType(CopyAbortedException.class, () -> sim.await(clone)).name())
        .isEqualTo("vm-1");
    assertThat(sim.await(sim.createVirtualCopy(store, origin.id(), "vm-2", Labels.empty())).isReady()).isTrue();
  }

  @Test
  void aSourceOfACopyInProgressCannotBeDeletedUntilTheCopyEnds() {
    SimulatedArray sim = array(VendorProfile.builder("plain").build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    CompletionStage<Container> copy = sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());

    assertThatThrownBy(() -> sim.await(sim.delete(store, origin.id())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("physical copies in progress");

    sim.await(copy);
    sim.await(sim.delete(store, origin.id()));
    assertThat(sim.await(sim.inventory(store)).containers())
        .extracting(Container::name)
        .containsExactly("r1");
  }

  // ------------------------------------------------------------------ sources and capacity

  @Test
  void aSourceStillBeingCopiedCannotBeCopiedOrCloned() {
    SimulatedArray sim = array(VendorProfile.builder("plain").build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty());
    Container copying = sim.await(sim.inventory(store)).findByName("r1").orElseThrow();

    assertThatThrownBy(() -> sim.await(sim.createVirtualCopy(store, copying.id(), "vm", Labels.empty())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("COPYING");
    assertThatThrownBy(() -> sim.await(sim.createPhysicalCopy(store, copying.id(), "r2", Labels.empty())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void clonesTakeTheirGrowthOfCapacity() {
    SimulatedArray sim =
        array(VendorProfile.builder("growth").copyCosts(CopyCosts.thick(GIB / 4)).build());
    StoreRef store = sim.addStore(ACME, StoreId.of("small"), GIB + GIB / 2);
    Container origin = origin(sim, store, "golden", GIB);

    sim.await(sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));
    sim.await(sim.createVirtualCopy(store, origin.id(), "vm-2", Labels.empty()));

    assertThatThrownBy(() -> sim.await(sim.createVirtualCopy(store, origin.id(), "vm-3", Labels.empty())))
        .isInstanceOf(InsufficientCapacityException.class);
    assertThat(sim.await(sim.capabilities(store)).freeCapacityBytes()).isZero();
  }

  @Test
  void clonesChainAsDeepAsTheProfileAllows() {
    SimulatedArray sim = array(VendorProfile.CEPH_RBD);
    StoreRef store = store(sim);
    Container source = origin(sim, store, "golden", GIB);
    for (int depth = 1; depth <= 5; depth++) {
      source = sim.await(sim.createVirtualCopy(store, source.id(), "level-" + depth, Labels.empty()));
    }
    Container deepest = source;

    LimitReachedException refused =
        catchThrowableOfType(
            LimitReachedException.class,
            () -> sim.await(sim.createVirtualCopy(store, deepest.id(), "level-6", Labels.empty())));

    assertThat(refused.scope()).isEqualTo(LimitReachedException.Scope.REPLICATION_DEPTH);
    assertThat(refused.limit()).isEqualTo(5);
  }

  @Test
  void capabilitiesDeclareTheProfileAndTheStore() {
    SimulatedArray sim = array(VendorProfile.DELL_MD3200);
    StoreRef store = sim.addStore(ACME, StoreId.of("pool"), 100 * GIB);
    origin(sim, store, "golden", 40 * GIB);

    ArrayCapabilities caps = sim.await(sim.capabilities(store));

    assertThat(caps.maxVirtualCopiesPerSource()).isEqualTo(8);
    assertThat(caps.maxVirtualCopiesTotal()).isEqualTo(128);
    assertThat(caps.maxLocalReplicationDepth()).isEqualTo(1);
    assertThat(caps.maxConcurrentPhysicalCopies())
        .isEqualTo(VendorProfile.DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES);
    assertThat(caps.totalCapacityBytes()).isEqualTo(100 * GIB);
    assertThat(caps.freeCapacityBytes()).isEqualTo(60 * GIB);
    assertThat(caps.copyBandwidthBytesPerSecond()).isEqualTo(GIB);
    assertThat(caps.maxNameLength()).isEqualTo(VendorProfile.DEFAULT_MAX_NAME_LENGTH);
  }

  // ------------------------------------------------------------------ setting up

  @Test
  void originsAreCheckedLikeAnyContainer() {
    SimulatedArray sim = array(VendorProfile.HPE_3PAR);
    StoreRef store = sim.addStore(ACME, StoreId.of("pool"), 10 * GIB);
    origin(sim, store, "golden", GIB);

    assertThatThrownBy(() -> origin(sim, store, "golden", GIB))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> origin(sim, store, "huge", 10 * GIB))
        .isInstanceOf(InsufficientCapacityException.class);
    assertThatThrownBy(
            () ->
                sim.createOrigin(
                    new StoreRef(TenantId.of("mallory"), store.store()), "x", WIN11, GROUP, 1))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> origin(sim, store, "neg", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sizeBytes");
    assertThatThrownBy(() -> origin(sim, store, " padded", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> origin(sim, store, "tab\there", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storesAreUniqueAndHaveCapacity() {
    SimulatedArray sim = array(VendorProfile.HPE_3PAR);
    sim.addStore(ACME, StoreId.of("pool"));

    assertThatThrownBy(() -> sim.addStore(TenantId.of("other"), StoreId.of("pool")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> sim.addStore(ACME, StoreId.of("empty"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacityBytes");
  }

  // ------------------------------------------------------------------ virtual time

  @Test
  void theClockStartsAtAFixedInstantAndMovesOnlyWithEvents() {
    SimulatedArray sim =
        SimulatedArray.builder().start(Instant.parse("2030-05-01T08:00:00Z")).build();

    assertThat(sim.clock().instant()).isEqualTo(Instant.parse("2030-05-01T08:00:00Z"));
    sim.runFor(Duration.ofMinutes(3));
    assertThat(sim.clock().instant()).isEqualTo(Instant.parse("2030-05-01T08:03:00Z"));
    assertThat(sim.elapsed()).isEqualTo(Duration.ofMinutes(3));
    assertThat(SimulatedArray.builder().build().clock().instant())
        .isEqualTo(SimulatedArray.DEFAULT_START);
  }

  @Test
  void scheduledTasksRunInTimeOrderAndTiesInScheduleOrder() {
    SimulatedArray sim = SimulatedArray.builder().build();
    List<String> ran = new ArrayList<>();
    sim.schedule(Duration.ofSeconds(2), () -> ran.add("b@" + sim.elapsed().toSeconds()));
    sim.schedule(Duration.ofSeconds(1), () -> ran.add("a@" + sim.elapsed().toSeconds()));
    sim.schedule(Duration.ofSeconds(2), () -> ran.add("c@" + sim.elapsed().toSeconds()));

    assertThat(sim.step()).isTrue();
    assertThat(ran).containsExactly("a@1");
    sim.runUntilIdle();

    assertThat(ran).containsExactly("a@1", "b@2", "c@2");
    assertThat(sim.step()).isFalse();
    assertThatThrownBy(() -> sim.schedule(Duration.ofSeconds(-1), () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void awaitingAStageNothingWillCompleteFails() {
    SimulatedArray sim = SimulatedArray.builder().build();

    assertThatThrownBy(() -> sim.await(new CompletableFuture<Void>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("idle");
  }

  @Test
  void theLoopCannotBeDrivenFromInsideAnEvent() {
    SimulatedArray sim = SimulatedArray.builder().build();
    sim.schedule(Duration.ofSeconds(1), sim::runUntilIdle);

    assertThatThrownBy(sim::runUntilIdle)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside an event");
    assertThat(sim.step()).isFalse();
  }

  @Test
  void callbacksMayCallTheArrayAgain() {
    SimulatedArray sim = array(VendorProfile.HPE_3PAR);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    CompletableFuture<Container> chained =
        sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty())
            .thenCompose(c -> sim.createVirtualCopy(store, origin.id(), "vm-2", Labels.empty()))
            .toCompletableFuture();

    Container second = sim.await(chained);

    assertThat(second.name()).isEqualTo("vm-2");
    assertThat(sim.elapsed()).isEqualTo(Duration.ofSeconds(4));
  }
}
