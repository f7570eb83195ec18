package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.FleetRequest;
import dev.goldcopy.temporal.wire.FleetSummary;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Measures what Temporal costs against the in-process executor, on an array that costs nothing
 * (zero latency): per store, per step, and fleet throughput with 1, 2 and 3 workers. Off in CI;
 * run with {@code -Dgoldcopy.temporal.bench=true}. Prints its figures.
 */
@EnabledIfSystemProperty(named = "goldcopy.temporal.bench", matches = "true")
@Isolated // no other test class runs beside it: its figures are timings
class OverheadBenchTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final LatencyModel INSTANT = LatencyModel.builder()
      .perStreamBytesPerSecond(Long.MAX_VALUE / 4).aggregateBytesPerSecond(Long.MAX_VALUE / 4)
      .cloneLatency(Duration.ZERO).deleteLatency(Duration.ZERO).responseLatency(Duration.ZERO)
      .build();

  private static SimulatedArray sim(VendorProfile profile) {
    return SimulatedArray.builder().profile(profile).latency(INSTANT).recordCalls(false).build();
  }

  private static StoreRef store(SimulatedArray sim, int i) {
    StoreRef s = sim.addStore(TenantId.of("t"), StoreId.of("s" + i));
    sim.createOrigin(s, "golden", IMAGE, GroupId.of("win11"), 1L << 30);
    return s;
  }

  private static double inProcess(SimulatedArray sim, List<StoreRef> stores, Demand demand) {
    ReplicationExecutor executor = ReplicationExecutor.builder(sim).executor(Runnable::run)
        .scheduler(sim::schedule).clock(sim.clock()).build();
    long t = System.nanoTime();
    for (StoreRef s : stores) {
      ExecutionResult r = sim.await(executor.start(s, demand).result());
      assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    }
    return (System.nanoTime() - t) / 1e9;
  }

  private static double onTemporal(SimulatedArray sim, List<StoreRef> stores, Demand demand) {
    try (TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("a", new ImmediateArray(sim))));
      StoreClient client = Scenarios.client(temporal.client());
      long t = System.nanoTime();
      for (StoreRef s : stores) {
        StoreResult r = client.converge(s, "a", demand).result();
        assertThat(r.status()).isEqualTo(StoreResult.Status.SUCCEEDED);
      }
      return (System.nanoTime() - t) / 1e9;
    }
  }

  @Test
  void overheadPerStoreAndPerStep() {
    // Warm both paths up once.
    SimulatedArray warm = sim(VendorProfile.HPE_3PAR);
    onTemporal(warm, List.of(store(warm, 0), store(warm, 1)), Demand.of(IMAGE, "vm", 50));
    inProcess(warm, List.of(store(warm, 2), store(warm, 3)), Demand.of(IMAGE, "vm", 50));

    // Per store: stores already at their demand (observe, plan an empty plan, report).
    int n = 100;
    SimulatedArray a = sim(VendorProfile.HPE_3PAR);
    List<StoreRef> stores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      stores.add(store(a, i));
    }
    Demand none = Demand.none();
    double exec = inProcess(a, stores, none);
    double temp = onTemporal(a, stores, none);
    System.out.printf("per store (nothing to do), %d stores one after another: in-process %.3f ms,"
        + " Temporal %.1f ms%n", n, exec * 1e3 / n, temp * 1e3 / n);

    // Per step: one store, 1,000 VMs at L = 500: 1 replica and 1,000 clones.
    SimulatedArray b = sim(VendorProfile.HPE_3PAR);
    Demand thousand = Demand.of(IMAGE, "vm", 1000);
    double execSteps = inProcess(b, List.of(store(b, 0)), thousand);
    double tempSteps = onTemporal(b, List.of(store(b, 1)), thousand);
    System.out.printf("per step, one store of 1,001 steps: in-process %.1f us (%.3f s),"
        + " Temporal %.2f ms (%.2f s)%n", execSteps * 1e6 / 1001, execSteps,
        tempSteps * 1e3 / 1001, tempSteps);
  }

  @Test
  void throughputWithOneTwoAndThreeWorkers() {
    int stores = Integer.getInteger("goldcopy.temporal.bench.stores", 300);
    for (int workers = 1; workers <= 3; workers++) {
      SimulatedArray sim = sim(VendorProfile.DELL_ME4_LARGE_POOLS.toBuilder()
          .maxConcurrentPhysicalCopies(0).build());
      List<FleetRequest.Target> targets = new ArrayList<>();
      Demand demand = Demand.of(IMAGE, "vm", 20);
      for (int i = 0; i < stores; i++) {
        StoreRef s = store(sim, i);
        targets.add(new FleetRequest.Target("t", s.store().value(), "a", DemandDto.of(demand)));
      }
      try (TemporalFixture temporal = new TemporalFixture()) {
        for (int w = 0; w < workers; w++) {
          temporal.worker(ArrayRegistry.of(Map.of("a", new ImmediateArray(sim))));
        }
        long t = System.nanoTime();
        FleetWorkflow fleet =
            Scenarios.client(temporal.client()).provision("fleet", targets, stores);
        FleetSummary summary = WorkflowStub.fromTyped(fleet).getResult(FleetSummary.class);
        double s = (System.nanoTime() - t) / 1e9;
        assertThat(summary.byStatus()).containsEntry("SUCCEEDED", stores);
        int steps = stores * (20 + 2);
        System.out.printf("%d worker(s): %d stores of 20 VMs (%d steps) in %.1f s: %.1f stores/s,"
            + " %.0f steps/s%n", workers, stores, steps, s, stores / s, steps / s);
      }
    }
  }
}
