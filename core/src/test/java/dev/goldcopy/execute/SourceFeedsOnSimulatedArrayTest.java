package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallOutcome;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContainerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dispatch rule on the simulated array: no source is read by more copies at once than the
 * array says it feeds at full rate, checked from the array's own call log, and the copies spread
 * over the ready masters so that they multiply as a fan-out tree.
 */
class SourceFeedsOnSimulatedArrayTest {
  private static final long MIB = 1L << 20;

  /** ME4 large pools (8 clones a source, 4 copies at once) with a per-source read limit. */
  private static VendorProfile readLimited(long readBytesPerSecond) {
    VendorProfile p = VendorProfile.DELL_ME4_LARGE_POOLS;
    return p.toBuilder()
        .latency(p.latency().toBuilder().perSourceReadBytesPerSecond(readBytesPerSecond).build())
        .build();
  }

  /** The most copies reading one source at once, by source, from the array's call log. */
  private static Map<ContainerId, Integer> peakReaders(List<CallRecord> calls) {
    Map<ContainerId, TreeMap<Duration, Integer>> changes = new HashMap<>();
    for (CallRecord c : calls) {
      if (c.operation() == Operation.CREATE_PHYSICAL_COPY && c.subject() != null
          && c.outcome() == CallOutcome.SUCCEEDED) {
        TreeMap<Duration, Integer> at = changes.computeIfAbsent(c.subject(), k -> new TreeMap<>());
        at.merge(c.calledAt(), 1, Integer::sum);
        at.merge(c.answeredAt(), -1, Integer::sum);
      }
    }
    Map<ContainerId, Integer> peaks = new HashMap<>();
    changes.forEach((source, at) -> {
      int now = 0;
      int peak = 0;
      for (int delta : at.values()) {
        now += delta;
        peak = Math.max(peak, now);
      }
      peaks.put(source, peak);
    });
    return peaks;
  }

  @ParameterizedTest
  @ValueSource(longs = {512, 1024, 1536})
  void noSourceIsReadByMoreCopiesThanItFeeds(long readMib) {
    VendorProfile profile = readLimited(readMib * MIB);
    int feeds = profile.latency().fullRateCopiesPerSource();
    SimScenario s = new SimScenario(profile, 42, FaultPlan.none());
    Demand demand = SimScenario.demand(400);

    ExecutionResult r = s.sim.await(s.executor().build().start(s.store, demand).result());

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.totals().replicasMade()).isEqualTo(49);
    assertThat(feeds).isEqualTo((int) (readMib / 512));
    Map<ContainerId, Integer> peaks = peakReaders(s.sim.records().calls());
    assertThat(peaks.values()).allMatch(p -> p <= feeds);
    // The origin fed as many copies at once as it could, and copies read many sources.
    assertThat(peaks.get(s.origin.id())).isEqualTo(feeds);
    assertThat(peaks).hasSizeGreaterThanOrEqualTo(4);
    assertThat(s.sim.records().peakConcurrentPhysicalCopies()).isEqualTo(4);
    Invariants.converged(s.sim, s.store, s.origin, demand);
  }

  @ParameterizedTest
  @ValueSource(longs = {512, 1024})
  void theCopiesFinishAsATreeDoesNotAsCopiesOfTheOriginWould(long readMib) {
    VendorProfile profile = readLimited(readMib * MIB);
    SimScenario s = new SimScenario(profile, 42, FaultPlan.none());

    ExecutionResult r =
        s.sim.await(s.executor().build().start(s.store, SimScenario.demand(400)).result());

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    // 49 copies of 1 GiB at 512 MiB/s each, 4 at once: a tree loses at most its first two rounds
    // to a start with one source; 4 copies sharing the origin's read rate take 4x as long.
    List<Duration> ends = new ArrayList<>();
    for (CallRecord c : s.sim.records().calls()) {
      if (c.operation() == Operation.CREATE_PHYSICAL_COPY) {
        ends.add(c.answeredAt());
      }
    }
    Duration lastCopy = ends.stream().max(Duration::compareTo).orElseThrow();
    long rounds = (49 + 3) / 4 + 2;
    assertThat(lastCopy).isLessThanOrEqualTo(Duration.ofSeconds(2 * rounds));
  }
}
