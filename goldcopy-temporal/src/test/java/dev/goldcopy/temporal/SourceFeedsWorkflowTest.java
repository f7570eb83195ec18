package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.ForwardingArrayAdapter;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.VmResult;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workflow starts copies as the in-process executor does: no source is read by more copies at
 * once than the array says it feeds at full rate, counted from the array's side (a copy reads its
 * source from the first call that asks for it until the array answers it ready), and the copies
 * spread over the masters as they become ready.
 */
class SourceFeedsWorkflowTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final long MIB = 1L << 20;

  /** Counts, for each source, the copies reading it on the array, and the most at once. */
  private static final class ReadCounter extends ForwardingArrayAdapter {
    private final Map<String, ContainerId> copying = new HashMap<>();
    private final Map<ContainerId, Integer> readers = new HashMap<>();
    final Map<ContainerId, Integer> peaks = new HashMap<>();

    ReadCounter(ArrayAdapter array) {
      super(array);
    }

    private synchronized void asked(String name, ContainerId source) {
      if (copying.putIfAbsent(name, source) == null) {
        int now = readers.merge(source, 1, Integer::sum);
        peaks.merge(source, now, Math::max);
      }
    }

    private synchronized void answered(String name, boolean stillCopying) {
      ContainerId source = stillCopying ? null : copying.remove(name);
      if (source != null) {
        readers.merge(source, -1, Integer::sum);
      }
    }

    @Override
    public CompletionStage<Container> createPhysicalCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      asked(name, source);
      return super.createPhysicalCopy(store, source, name, labels).whenComplete((c, e) ->
          answered(name, c != null && c.state() == ContainerState.COPYING));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {512, 1024})
  void noSourceIsReadByMoreCopiesThanItFeedsAndTheCopiesSpread(long readMib) throws Exception {
    VendorProfile me4 = VendorProfile.DELL_ME4_LARGE_POOLS;
    VendorProfile profile = me4.toBuilder()
        .latency(me4.latency().toBuilder().perSourceReadBytesPerSecond(readMib * MIB).build())
        .build();
    int feeds = profile.latency().fullRateCopiesPerSource();
    SimulatedArray sim =
        SimulatedArray.builder().profile(profile).seed(5).faults(FaultPlan.none()).build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    Container origin =
        sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 2 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 120);
    try (DrivenArray driven = DrivenArray.scaled(sim, 100, "feeds");
        TemporalFixture temporal = new TemporalFixture()) {
      ReadCounter array = new ReadCounter(driven);
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreRun run = Scenarios.client(temporal.client()).converge(store, "array-1", demand);
      StoreResult result = run.result();

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      assertThat(result.count(VmResult.Kind.PROVISIONED)).isEqualTo(120);
      assertThat(result.totals().replicasMade()).isEqualTo(14);
      assertThat(feeds).isEqualTo((int) (readMib / 512));
      synchronized (array) {
        assertThat(array.peaks).as("most copies reading each source at once")
            .allSatisfy((source, peak) -> assertThat(peak).isLessThanOrEqualTo(feeds));
        assertThat(array.peaks.get(origin.id())).isEqualTo(feeds);
        assertThat(array.peaks).as("sources read").hasSizeGreaterThanOrEqualTo(4);
      }
      assertThat(StoreChecks.violations(store, sim.await(sim.inventory(store)), demand, 8,
          List.of(), sim.records(), 0)).isEmpty();

      // the history, with its version marker, replays on fresh workflow code
      var history = temporal.client().fetchHistory(run.workflowId());
      assertThat(history.getEvents()).anySatisfy(e -> assertThat(e.toString())
          .contains(StepRound.PER_SOURCE_COPIES));
      try (TestWorkflowEnvironment replayEnv = TestWorkflowEnvironment.newInstance()) {
        Worker replayer = replayEnv.newWorker("replay");
        GoldcopyWorkers.register(replayer, id -> {
          throw new IllegalStateException("a replay calls no array");
        });
        WorkflowReplayer.replayWorkflowExecution(history, replayer);
      }
    }
  }
}
