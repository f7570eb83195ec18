package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the README's "When one process is not enough" example compiling and running. */
class ReadmeExampleTest {

  /** The README's example, line for line. */
  static StoreResult whenOneProcessIsNotEnough(WorkflowClient client, ArrayAdapter adapter) {
    // In every worker process (as many JVMs as you like): Goldcopy's code and the arrays it reaches.
    WorkerFactory factory = WorkerFactory.newInstance(client);
    GoldcopyWorkers.start(factory, ArrayRegistry.of(Map.of("array-1", adapter)),
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(64).build());

    // In any process with a client: one workflow per store, so one writer per store fleet-wide.
    StoreClient stores = StoreClient.builder(client).build();
    ContentId image = ContentId.of("win11", "2026.11");
    StoreRun run = stores.converge(StoreRef.of("acme", "pool-1"), "array-1",
        Demand.of(image, "vm", 100));
    System.out.println(run.workflowId() + ": " + run.progress().phase());
    StoreResult result = run.result(); // survives the death of any worker, this client's too
    System.out.println(result.status() + ": " + result.reason());
    return result;
  }

  @Test
  void theReadmeExampleProvisionsAStore() {
    SimulatedArray sim = Scenarios.me4(11, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    sim.createOrigin(store, "win11-golden", ContentId.of("win11", "2026.11"), GroupId.of("win11"),
        Scenarios.GIB);
    try (DrivenArray array = DrivenArray.scaled(sim, 200, "readme");
        TemporalFixture temporal = new TemporalFixture()) {
      StoreResult result = whenOneProcessIsNotEnough(temporal.client(), array);

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      assertThat(result.vms()).hasSize(100);
    }
  }
}
