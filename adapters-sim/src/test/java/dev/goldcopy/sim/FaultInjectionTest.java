package dev.goldcopy.sim;

import dev.goldcopy.spi.Labels;
import static dev.goldcopy.sim.TestArrays.GIB;
import static dev.goldcopy.sim.TestArrays.ONE_GIB_PER_SECOND;
import static dev.goldcopy.sim.TestArrays.completionTime;
import static dev.goldcopy.sim.TestArrays.origin;
import static dev.goldcopy.sim.TestArrays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static SimulatedArray array(FaultPlan faults) {
    return SimulatedArray.builder()
        .profile(VendorProfile.HPE_3PAR)
        .latency(ONE_GIB_PER_SECOND)
        .faults(faults)
        .busyRetryAfter(Duration.ofSeconds(7))
        .seed(11)
        .build();
  }

  @Test
  void transientBusyRefusesBeforeAnythingHappens() {
    SimulatedArray sim = array(FaultPlan.builder().transientBusyRate(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    BusyException busy =
        catchThrowableOfType(
            BusyException.class, () -> sim.await(sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty())));
    BusyException busyDelete =
        catchThrowableOfType(
            BusyException.class, () -> sim.await(sim.delete(store, origin.id())));

    assertThat(busy.retryable()).isTrue();
    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(busyDelete).isNotNull();
    assertThat(sim.await(sim.inventory(store)).containers()).containsExactly(origin);
    assertThat(sim.records().faultCount(FaultKind.TRANSIENT_BUSY)).isEqualTo(2);
    assertThat(sim.records().calls()).extracting(CallRecord::outcome)
        .containsExactly(CallOutcome.BUSY, CallOutcome.BUSY, CallOutcome.SUCCEEDED);

    sim.setFaults(FaultPlan.none());
    assertThat(sim.await(sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty())).isReady()).isTrue();
  }

  @Test
  void aLostResponseHidesWorkTheArrayDidAndARetryFindsIt() {
    SimulatedArray sim = array(FaultPlan.builder().lostResponseRate(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    TransientArrayException lost =
        catchThrowableOfType(
            TransientArrayException.class,
            () -> sim.await(sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty())));

    assertThat(lost.retryable()).isTrue();
    Container made = sim.await(sim.inventory(store)).findByName("vm").orElseThrow();
    assertThat(made.state()).isEqualTo(ContainerState.READY);
    CallRecord record = sim.records().calls().get(0);
    assertThat(record.operation()).isEqualTo(Operation.CREATE_VIRTUAL_COPY);
    assertThat(record.outcome()).isEqualTo(CallOutcome.LOST_RESPONSE);
    assertThat(record.result()).isEqualTo(made.id());

    sim.setFaults(FaultPlan.none());
    Container retried = sim.await(sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty()));
    assertThat(retried.id()).isEqualTo(made.id());
    assertThat(sim.records().faultCount(FaultKind.LOST_RESPONSE)).isEqualTo(1);
  }

  @Test
  void aLostDeleteResponseStillDeletes() {
    SimulatedArray sim = array(FaultPlan.none());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    Container clone = sim.await(sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty()));
    sim.setFaults(FaultPlan.builder().lostResponseRate(1).build());

    TransientArrayException lost =
        catchThrowableOfType(
            TransientArrayException.class, () -> sim.await(sim.delete(store, clone.id())));

    assertThat(lost).isNotNull();
    assertThat(sim.await(sim.inventory(store)).find(clone.id())).isEmpty();
  }

  @Test
  void anIncompleteCopyIsLeftFailedUntilDeleted() {
    SimulatedArray sim = array(FaultPlan.builder().incompleteCopyRate(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);
    long freeBefore = sim.await(sim.capabilities(store)).freeCapacityBytes();

    CopyFailedException failed =
        catchThrowableOfType(
            CopyFailedException.class,
            () -> sim.await(sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty())));

    assertThat(failed.retryable()).isFalse();
    Inventory inventory = sim.await(sim.inventory(store));
    Container left = inventory.find(failed.container()).orElseThrow();
    assertThat(left.name()).isEqualTo("r1");
    assertThat(left.state()).isEqualTo(ContainerState.FAILED);
    assertThat(sim.elapsed()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(9));
    assertThat(sim.await(sim.capabilities(store)).freeCapacityBytes())
        .isEqualTo(freeBefore - 10 * GIB);
    assertThat(sim.records().faultCount(FaultKind.INCOMPLETE_COPY)).isEqualTo(1);

    sim.setFaults(FaultPlan.none());
    CopyFailedException again =
        catchThrowableOfType(
            CopyFailedException.class,
            () -> sim.await(sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty())));
    assertThat(again.container()).isEqualTo(failed.container());
    sim.await(sim.delete(store, failed.container()));
    assertThat(sim.await(sim.capabilities(store)).freeCapacityBytes()).isEqualTo(freeBefore);
    Container replica = sim.await(sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    assertThat(replica.state()).isEqualTo(ContainerState.READY);
  }

  @Test
  void aLatencySpikeDelaysTheAnswerNotTheWork() {
    SimulatedArray sim =
        array(
            FaultPlan.builder()
                .latencySpikeRate(1)
                .latencySpike(Duration.ofSeconds(30))
                .build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    Duration[] answered = completionTime(sim, sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty()));
    sim.runFor(Duration.ofSeconds(2));
    Container listed = sim.await(sim.inventory(store)).findByName("vm").orElseThrow();
    sim.runUntilIdle();

    assertThat(listed.state()).isEqualTo(ContainerState.READY);
    assertThat(answered[0]).isEqualTo(Duration.ofSeconds(32));
    assertThat(sim.records().faultCount(FaultKind.LATENCY_SPIKE)).isEqualTo(1);
  }

  @Test
  void ratesBetweenZeroAndOneHitAboutThatShareOfCalls() {
    SimulatedArray sim = array(FaultPlan.builder().transientBusyRate(0.25).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    for (int i = 0; i < 400; i++) {
      sim.createVirtualCopy(store, origin.id(), "vm-" + i, Labels.empty());
      sim.runUntilIdle();
    }

    assertThat(sim.records().faultCount(FaultKind.TRANSIENT_BUSY)).isBetween(60L, 140L);
  }

  @Test
  void faultsCanBeTurnedOffMidRun() {
    SimulatedArray sim = array(FaultPlan.builder().transientBusyRate(1).build());
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    sim.setFaults(FaultPlan.none());

    Container clone = sim.await(sim.createVirtualCopy(store, origin.id(), "vm", Labels.empty()));

    assertThat(clone.isReady()).isTrue();
    assertThat(sim.faults().isNone()).isTrue();
    assertThat(sim.records().faultCount(FaultKind.TRANSIENT_BUSY)).isZero();
  }
}
