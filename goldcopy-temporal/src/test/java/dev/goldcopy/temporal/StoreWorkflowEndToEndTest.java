package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.VmResult;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreWorkflowEndToEndTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  @Test
  void convergesOneStoreOnTheSimulatorAndLabelsWhatItMakes() throws Exception {
    SimulatedArray sim = Scenarios.me4(1, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 8 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 40);
    try (DrivenArray array = DrivenArray.scaled(sim, 200, "a1");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreRun run = Scenarios.client(temporal.client()).converge(store, "array-1", demand);
      StoreResult result = run.result();

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      assertThat(result.count(VmResult.Kind.PROVISIONED)).isEqualTo(40);
      assertThat(result.totals().replicasMade()).isEqualTo(4);
      assertThat(result.totals().limitRefusals()).isZero();
      assertThat(run.workflowId()).isEqualTo("goldcopy-store/acme/pool-1");
      Inventory inventory = sim.await(sim.inventory(store));
      assertThat(StoreChecks.violations(store, inventory, demand, 8, List.of(), sim.records(), 0))
          .isEmpty();
      assertThat(inventory.findByName("vm-00001").orElseThrow().labels().asMap())
          .containsEntry(Ownership.MANAGED_BY, "goldcopy")
          .containsEntry(Ownership.OWNER, "default")
          .containsEntry(Ownership.ROLE, "clone")
          .containsEntry(Ownership.PERSISTENT, "true")
          .containsEntry(Ownership.VM, "vm-00001")
          .containsEntry(WorkflowLabels.WORKFLOW_KEY, "goldcopy-store/acme/pool-1");

      // Deterministic: the recorded history replays on fresh workflow code without an array.
      var history = temporal.client().fetchHistory(run.workflowId());
      try (TestWorkflowEnvironment replayEnv = TestWorkflowEnvironment.newInstance()) {
        Worker replayer = replayEnv.newWorker("replay");
        GoldcopyWorkers.register(replayer, id -> {
          throw new IllegalStateException("a replay calls no array");
        });
        WorkflowReplayer.replayWorkflowExecution(history, replayer);
      }
      assertThat(history.getEvents()).hasSizeGreaterThan(40);
    }
  }
}
