package dev.goldcopy.sim;

import dev.goldcopy.spi.Labels;
import static dev.goldcopy.sim.TestArrays.GIB;
import static dev.goldcopy.sim.TestArrays.completionTime;
import static dev.goldcopy.sim.TestArrays.origin;
import static dev.goldcopy.sim.TestArrays.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

  private static SimulatedArray array(long perStream, long aggregate) {
    return SimulatedArray.builder()
        .profile(VendorProfile.builder("latency").maxConcurrentPhysicalCopies(0).build())
        .latency(
            LatencyModel.builder()
                .perStreamBytesPerSecond(perStream)
                .aggregateBytesPerSecond(aggregate)
                .cloneLatency(Duration.ofSeconds(3))
                .deleteLatency(Duration.ofMillis(500))
                .build())
        .build();
  }

  @Test
  void aloneACopyMovesAtItsStreamRate() {
    SimulatedArray sim = array(GIB, 4 * GIB);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);

    Container replica = sim.await(sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));

    assertThat(replica.state()).isEqualTo(ContainerState.READY);
    assertThat(sim.elapsed()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void twoCopiesStartedTogetherShareTheAggregateBandwidth() {
    SimulatedArray sim = array(GIB, GIB);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);

    Duration[] first = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    Duration[] second = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty()));
    sim.runUntilIdle();

    assertThat(first[0]).isEqualTo(Duration.ofSeconds(20));
    assertThat(second[0]).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aCopyThatStartsLaterSlowsTheFirstAndSpeedsUpWhenItEnds() {
    SimulatedArray sim = array(GIB, GIB);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);
    Duration[] first = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    Duration[][] second = new Duration[1][];
    sim.schedule(
        Duration.ofSeconds(5),
        () -> second[0] = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty())));

    sim.runUntilIdle();

    // 0-5 s: r1 alone moves 5 GiB. 5-15 s: both at 0.5 GiB/s, r1 finishes. 15-20 s: r2 alone.
    assertThat(first[0]).isEqualTo(Duration.ofSeconds(15));
    assertThat(second[0][0]).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void theStreamRateCapsEachCopyWhenBandwidthIsPlentiful() {
    SimulatedArray sim = array(GIB, 4 * GIB);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);

    Duration[] first = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    Duration[] second = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty()));
    sim.runUntilIdle();

    assertThat(first[0]).isEqualTo(Duration.ofSeconds(10));
    assertThat(second[0]).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void threeCopiesGetAThirdOfTheAggregateEach() {
    SimulatedArray sim = array(GIB, 3 * GIB / 2);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);

    for (int i = 1; i <= 3; i++) {
      sim.createPhysicalCopy(store, origin.id(), "r" + i, Labels.empty());
    }
    sim.runUntilIdle();

    // each moves at 0.5 GiB/s
    assertThat(sim.elapsed()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void anAbortedCopyGivesItsShareBack() {
    SimulatedArray sim = array(GIB, GIB);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);
    Duration[] kept = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty());
    sim.runFor(Duration.ofSeconds(5));
    Container aborted = sim.await(sim.inventory(store)).findByName("r2").orElseThrow();

    sim.delete(store, aborted.id());
    sim.runUntilIdle();

    // 0-5 s: each moves 2.5 GiB; then r1 alone moves the other 7.5 GiB at 1 GiB/s.
    assertThat(kept[0]).isEqualTo(Duration.ofMillis(12_500));
    assertThat(sim.elapsed()).isEqualTo(Duration.ofMillis(12_500));
  }

  @Test
  void copiesReadingOneSourceShareItsReadBandwidthAndAFanOutDoesNot() {
    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(VendorProfile.builder("read limited").maxConcurrentPhysicalCopies(0).build())
            .latency(
                LatencyModel.builder()
                    .perStreamBytesPerSecond(GIB)
                    .aggregateBytesPerSecond(4 * GIB)
                    .perSourceReadBytesPerSecond(GIB)
                    .build())
            .build();
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", 10 * GIB);
    Container first = sim.await(sim.createPhysicalCopy(store, origin.id(), "r1", Labels.empty()));
    assertThat(sim.elapsed()).isEqualTo(Duration.ofSeconds(10));

    // both from the origin: they share its 1 GiB/s
    Duration[] a = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r2", Labels.empty()));
    Duration[] b = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r3", Labels.empty()));
    // one from the origin, one from the first replica: each has a source to itself
    sim.runUntilIdle();
    Duration[] c = completionTime(sim, sim.createPhysicalCopy(store, origin.id(), "r4", Labels.empty()));
    Duration[] d = completionTime(sim, sim.createPhysicalCopy(store, first.id(), "r5", Labels.empty()));
    sim.runUntilIdle();

    assertThat(a[0]).isEqualTo(Duration.ofSeconds(30));
    assertThat(b[0]).isEqualTo(Duration.ofSeconds(30));
    assertThat(c[0]).isEqualTo(Duration.ofSeconds(40));
    assertThat(d[0]).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void storesOnDifferentControllersDoNotShareBandwidth() {
    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(VendorProfile.builder("dual").controllers(2).build())
            .latency(LatencyModel.builder().perStreamBytesPerSecond(GIB).aggregateBytesPerSecond(GIB).build())
            .build();
    StoreRef a = sim.addStore(TestArrays.ACME, dev.goldcopy.spi.StoreId.of("pool-a"));
    StoreRef b = sim.addStore(TestArrays.ACME, dev.goldcopy.spi.StoreId.of("pool-b"));
    StoreRef c = sim.addStore(TestArrays.ACME, dev.goldcopy.spi.StoreId.of("pool-c"));
    Container originA = origin(sim, a, "golden-a", 10 * GIB);
    Container originB = origin(sim, b, "golden-b", 10 * GIB);
    Container originC = origin(sim, c, "golden-c", 10 * GIB);

    // pools a and c are on the first controller and share it; pool b has the second alone
    Duration[] onA = completionTime(sim, sim.createPhysicalCopy(a, originA.id(), "r", Labels.empty()));
    Duration[] onB = completionTime(sim, sim.createPhysicalCopy(b, originB.id(), "r", Labels.empty()));
    Duration[] onC = completionTime(sim, sim.createPhysicalCopy(c, originC.id(), "r", Labels.empty()));
    sim.runUntilIdle();

    assertThat(onA[0]).isEqualTo(Duration.ofSeconds(20));
    assertThat(onB[0]).isEqualTo(Duration.ofSeconds(10));
    assertThat(onC[0]).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void cloneAndDeleteTakeTheirConstants() {
    SimulatedArray sim = array(GIB, GIB);
    StoreRef store = store(sim);
    Container origin = origin(sim, store, "golden", GIB);

    Container clone = sim.await(sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));
    assertThat(sim.elapsed()).isEqualTo(Duration.ofSeconds(3));
    sim.await(sim.delete(store, clone.id()));
    assertThat(sim.elapsed()).isEqualTo(Duration.ofMillis(3_500));
  }

  @Test
  void answersWithoutWorkAreImmediateByDefaultAndTakeTheResponseLatencyOtherwise() {
    SimulatedArray immediate = array(GIB, GIB);
    StoreRef store = store(immediate);
    assertThat(immediate.inventory(store).toCompletableFuture()).isDone();

    SimulatedArray slow =
        SimulatedArray.builder()
            .latency(LatencyModel.builder().responseLatency(Duration.ofMillis(40)).build())
            .build();
    StoreRef slowStore = store(slow);
    Duration[] answered = completionTime(slow, slow.capabilities(slowStore));
    slow.runUntilIdle();
    assertThat(answered[0]).isEqualTo(Duration.ofMillis(40));
  }

  @Test
  void defaultsAreTheDocumentedSimulationFigures() {
    LatencyModel d = LatencyModel.DEFAULT;
    assertThat(d.perStreamBytesPerSecond()).isEqualTo(512L << 20);
    assertThat(d.aggregateBytesPerSecond()).isEqualTo(2048L << 20);
    assertThat(d.cloneLatency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.deleteLatency()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.responseLatency()).isEqualTo(Duration.ZERO);
    assertThat(d.perSourceReadBytesPerSecond()).isEqualTo(LatencyModel.UNLIMITED);
    assertThat(LatencyModel.builder().build()).isEqualTo(d);
    assertThat(d.toBuilder().cloneLatency(Duration.ofSeconds(9)).build().cloneLatency())
        .isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> LatencyModel.builder().perStreamBytesPerSecond(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perStreamBytesPerSecond");
    assertThatThrownBy(() -> LatencyModel.builder().aggregateBytesPerSecond(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregateBytesPerSecond");
    assertThatThrownBy(() -> LatencyModel.builder().cloneLatency(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cloneLatency");
    assertThatThrownBy(() -> LatencyModel.builder().perSourceReadBytesPerSecond(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perSourceReadBytesPerSecond");
    assertThatThrownBy(
            () ->
                new LatencyModel(
                    1, 1, Duration.ZERO, Duration.ZERO, nullDuration()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("responseLatency");
  }

  @SuppressWarnings("NullAway") // hands out a null on purpose
  private static Duration nullDuration() {
    return null;
  }

  @Test
  void aSourceFeedsItsReadRateOverTheRateOfACopyAloneAndAtLeastOne() {
    LatencyModel base =
        LatencyModel.builder().perStreamBytesPerSecond(GIB / 2).aggregateBytesPerSecond(2 * GIB)
            .build();

    assertThat(base.fullRateCopiesPerSource()).isEqualTo(LatencyModel.UNLIMITED);
    assertThat(base.toBuilder().perSourceReadBytesPerSecond(GIB).build().fullRateCopiesPerSource())
        .isEqualTo(2);
    assertThat(
            base.toBuilder().perSourceReadBytesPerSecond(GIB + GIB / 4).build()
                .fullRateCopiesPerSource())
        .isEqualTo(2);
    assertThat(
            base.toBuilder().perSourceReadBytesPerSecond(GIB / 8).build().fullRateCopiesPerSource())
        .isEqualTo(1);
    // A copy alone is held to the aggregate when that is below the stream rate.
    assertThat(
            base.toBuilder().aggregateBytesPerSecond(GIB / 4).perSourceReadBytesPerSecond(GIB)
                .build().fullRateCopiesPerSource())
        .isEqualTo(4);
  }

  @Test
  void theArrayReportsWhatASourceFeedsOnlyWhenItsProfileLimitsReads() {
    VendorProfile plain = VendorProfile.builder("plain").build();
    VendorProfile limited =
        plain.toBuilder()
            .latency(plain.latency().toBuilder().perSourceReadBytesPerSecond(
                plain.latency().perStreamBytesPerSecond() * 3).build())
            .build();

    SimulatedArray open = SimulatedArray.builder().profile(plain).build();
    SimulatedArray read = SimulatedArray.builder().profile(limited).build();

    assertThat(open.await(open.capabilities(store(open))).fullRateCopiesPerSource())
        .isEqualTo(0);
    assertThat(read.await(read.capabilities(store(read))).fullRateCopiesPerSource())
        .isEqualTo(3);
  }
}
