package dev.goldcopy.sim;

import dev.goldcopy.spi.Labels;
import static dev.goldcopy.sim.TestArrays.GIB;
import static dev.goldcopy.sim.TestArrays.origin;
import static dev.goldcopy.sim.TestArrays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationRecordsTest {

  @Test
  void everyAnsweredCallIsRecordedWithItsTimesAndOutcome() {
    SimulatedArray sim = TestArrays.array(VendorProfile.DELL_MD3200);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    Container clone = sim.await(sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));
    sim.await(sim.delete(store, origin.id()).exceptionally(e -> null));
    sim.await(sim.delete(store, clone.id()));

    List<CallRecord> calls = sim.records().calls();
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0))
        .isEqualTo(
            new CallRecord(
                Duration.ZERO,
                Duration.ofSeconds(2),
                Operation.CREATE_VIRTUAL_COPY,
                store,
                origin.id(),
                "vm-1",
                CallOutcome.SUCCEEDED,
                clone.id()));
    assertThat(calls.get(1).operation()).isEqualTo(Operation.DELETE);
    assertThat(calls.get(1).outcome()).isEqualTo(CallOutcome.CONFLICT);
    assertThat(calls.get(1).subject()).isEqualTo(origin.id());
    assertThat(calls.get(2).outcome()).isEqualTo(CallOutcome.SUCCEEDED);
    assertThat(calls.get(2).answeredAt()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theCallLogCanBeTurnedOffWhilePeaksAreStillKept() {
    SimulatedArray sim =
        SimulatedArray.builder().profile(VendorProfile.DELL_MD3200).recordCalls(false).build();
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    sim.await(sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));

    assertThat(sim.records().calls()).isEmpty();
    assertThat(sim.records().peakVirtualCopies(origin.id())).isEqualTo(1);
  }

  @Test
  void peaksAreTheMostAtOneInstantNotTheMostEverMade() {
    SimulatedArray sim = TestArrays.array(VendorProfile.DELL_MD3200);
    StoreRef store = store(sim);
    Container a = origin(sim, store, "a", GIB);
    Container b = origin(sim, store, "b", GIB);
    List<Container> onA = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      onA.add(sim.await(sim.createVirtualCopy(store, a.id(), "a-" + i, Labels.empty())));
    }
    sim.await(sim.delete(store, onA.get(0).id()));
    sim.await(sim.createVirtualCopy(store, a.id(), "a-3", Labels.empty()));
    sim.createVirtualCopy(store, b.id(), "b-0", Labels.empty());
    sim.createVirtualCopy(store, b.id(), "b-1", Labels.empty());
    sim.runUntilIdle();

    SimulationRecords records = sim.records();
    assertThat(records.peakVirtualCopies(a.id())).isEqualTo(3);
    assertThat(records.peakVirtualCopies(b.id())).isEqualTo(2);
    assertThat(records.peakVirtualCopies(ContainerId.of("never"))).isZero();
    assertThat(records.peakVirtualCopiesTotal()).isEqualTo(5);
    assertThat(records.peakConcurrentVirtualCopies()).isEqualTo(2);
    assertThat(records.peakConcurrentPhysicalCopies()).isZero();
    assertThat(records.limitViolations()).isEmpty();
    assertThat(records.faultsInjected()).containsOnlyKeys(FaultKind.values());
    assertThat(records.faultsInjected().values()).containsOnly(0L);
  }

  @Test
  void theLimitCheckCatchesACountOverTheLimit() {
    VendorProfile profile = VendorProfile.builder("two").maxVirtualCopiesPerSource(2).build();
    EventLoop loop = new EventLoop();
    Recorder recorder = new Recorder(profile, loop, false);
    SimulatedArray sim = SimulatedArray.builder().profile(profile).build();
    StoreRef store = store(sim);
    SimContainer source =
        new SimContainer(
            ContainerId.of("m"),
            "m",
            dev.goldcopy.spi.ContainerKind.PHYSICAL_MASTER,
            TestArrays.WIN11,
            TestArrays.GROUP,
            null,
            null,
            new SimStore(store, GIB, 0),
            GIB,
            GIB,
            0,
            dev.goldcopy.spi.ContainerState.READY,
            dev.goldcopy.spi.Labels.empty());

    source.virtualCopies = 2;
    recorder.virtualCopyAdded(source, 2);
    assertThat(recorder.snapshot(List.of(source)).limitViolations()).isEmpty();
    source.virtualCopies = 3;
    recorder.virtualCopyAdded(source, 3);

    SimulationRecords records = recorder.snapshot(List.of(source));
    assertThat(records.peakVirtualCopies(source.id())).isEqualTo(3);
    List<LimitViolation> violations = records.limitViolations();
    assertThat(violations)
        .containsExactly(
            new LimitViolation(Duration.ZERO, "maxVirtualCopiesPerSource", "m", 2, 3));
  }

  @Test
  void recordsAreImmutableSnapshots() {
    SimulatedArray sim = TestArrays.array(VendorProfile.HPE_3PAR);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    SimulationRecords before = sim.records();

    sim.await(sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));

    assertThat(before.calls()).isEmpty();
    assertThat(sim.records().calls()).hasSize(1);
    assertThatThrownBy(() -> before.calls().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** A peak is the most copies at one instant: deleting copies later does not lower it. */
  @Test
  void aSourcesPeakOutlivesTheDeletionOfItsCopies() {
    SimulatedArray sim = TestArrays.array(VendorProfile.HPE_3PAR);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);
    List<Container> copies = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      copies.add(sim.await(sim.createVirtualCopy(store, origin.id(), "vm-" + i, Labels.empty())));
    }
    assertThat(sim.records().peakVirtualCopies(origin.id())).isEqualTo(3);
    sim.await(sim.delete(store, copies.get(0).id()));
    sim.await(sim.delete(store, copies.get(1).id()));
    sim.await(sim.createVirtualCopy(store, origin.id(), "vm-4", Labels.empty()));
    assertThat(sim.records().peakVirtualCopies(origin.id())).isEqualTo(3);
    sim.await(sim.delete(store, copies.get(2).id()));
    assertThat(sim.records().peakVirtualCopies(origin.id())).isEqualTo(3);
    assertThat(sim.records().peakVirtualCopies(copies.get(0).id())).isZero();
  }

  @Test
  void recordValuesAreValidated() {
    StoreRef store = StoreRef.of("t", "s");
    assertThatThrownBy(
            () ->
                new CallRecord(
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(1),
                    Operation.DELETE,
                    store,
                    null,
                    null,
                    CallOutcome.SUCCEEDED,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answeredAt");
    assertThatThrownBy(() -> new LimitViolation(Duration.ZERO, "x", "y", 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observed");
    assertThatThrownBy(
            () -> new SimulationRecords(List.of(), Map.of(), -1, 0, 0, List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peakVirtualCopiesTotal");
  }
}
