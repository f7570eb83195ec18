package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.StoreResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A guard against a hang, far above any run's time; not a performance assertion.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TimeSkippingTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  @Test
  void hoursOfCopyingPassOnTheTestServersSkippedClock() throws Exception {
    SimulatedArray sim = Scenarios.me4(10, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-10"));
    sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 4096 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 24);
    try (TemporalFixture temporal = new TemporalFixture();
        DrivenArray array = DrivenArray.onClock(sim, temporal.env::currentTimeMillis, "a10")) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreClient client = StoreClient.builder(temporal.client()).retry(Scenarios.fastRetry())
          .settings(StoreOptions.builder()
              .callTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30))
              // Each copy activity holds 50 ms, then the workflow sleeps twenty minutes: with no
              // activity running the test server skips those minutes, and the array follows.
              .copyWait(Duration.ofMillis(50), Duration.ofMinutes(20), Duration.ofSeconds(5))
              .build())
          .build();
      long wall = System.nanoTime();
      StoreResult result = client.converge(store, "array-1", demand).result();
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      // When the copies were done on the array's clock (the test server skips far ahead once
      // the workflow has ended, so the array's clock at the end says nothing).
      Duration copiesDone = Duration.ZERO;
      for (CallRecord c : sim.records().calls()) {
        if (c.operation() == Operation.CREATE_PHYSICAL_COPY && c.result() != null
            && c.answeredAt().compareTo(copiesDone) > 0) {
          copiesDone = c.answeredAt();
        }
      }
      System.out.printf("4 TiB copies done at %s of the array's time, in %.1f s wall, %d polls%n",
          copiesDone, wallSeconds, result.totals().copyPolls());

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      // A copy of 4 TiB at 512 MiB/s alone takes 2 h 16 min of the array's time.
      assertThat(copiesDone).isGreaterThan(Duration.ofHours(2));
      assertThat(result.totals().copyPolls()).isGreaterThanOrEqualTo(10);
      Inventory inventory = sim.await(sim.inventory(store));
      assertThat(StoreChecks.violations(store, inventory, demand, 8, List.of(), sim.records(), 0))
          .isEmpty();
    }
  }
}
