package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A guard against a hang, far above any run's time; not a performance assertion.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WorkerFailoverTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  @Test
  void aWorkerKilledMidRunIsReplacedAndTheStoreEndsWithNoDuplicatesOrLeaks() throws Exception {
    SimulatedArray sim = Scenarios.me4(2, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-2"));
    sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 16 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 60);
    try (DrivenArray array = DrivenArray.scaled(sim, 40, "a2");
        TemporalFixture temporal = new TemporalFixture()) {
      KillableAdapter first = new KillableAdapter(array);
      WorkerFactory doomed = temporal.worker(ArrayRegistry.of(Map.of("array-1", first)), false);
      StoreRun run = Scenarios.client(temporal.client()).converge(store, "array-1", demand);
      // Let it make some of the work: a copy round done and clones under way, not all.
      StoreProgress seen = run.progress();
      while (seen.replicasDone() < 2) {
        Thread.sleep(20);
        seen = run.progress();
      }
      first.kill();
      TemporalFixture.kill(doomed);
      int doneBeforeKill = seen.replicasDone() + seen.clonesDone();

      temporal.worker(ArrayRegistry.of(Map.of("array-1", new KillableAdapter(array))), false);
      StoreResult result;
      try {
        result = run.resultAsync().get(90, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        System.out.println(temporal.env.getDiagnostics()); // the history, to see where it stood
        throw e;
      }

      assertThat(doneBeforeKill).isPositive();
      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      Inventory inventory = sim.await(sim.inventory(store));
      assertThat(StoreChecks.violations(store, inventory, demand, 8, List.of(), sim.records(), 0))
          .isEmpty();
      // No duplicates: every name was made once on the array (retries joined the same container).
      Set<String> made = new HashSet<>();
      for (CallRecord c : sim.records().calls()) {
        if ((c.operation() == Operation.CREATE_VIRTUAL_COPY
                || c.operation() == Operation.CREATE_PHYSICAL_COPY)
            && c.result() != null) {
          made.add(c.name() + "=" + c.result());
        }
      }
      assertThat(made).hasSize(60 + 7);
    }
  }

  @Test
  void twoClientsStartingTheSameStoreGetOneRun() throws Exception {
    SimulatedArray sim = Scenarios.me4(3, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-3"));
    sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 8 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 24);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (DrivenArray array = DrivenArray.scaled(sim, 100, "a3");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        // Two processes: two clients of their own, the same store, different demands.
        WorkflowClient own = WorkflowClient.newInstance(temporal.env.getWorkflowServiceStubs());
        Demand mine = i == 0 ? demand : Demand.of(IMAGE, "other", 5);
        Callable<Object> start = () -> {
          go.await();
          try {
            return Scenarios.client(own).converge(store, "array-1", mine);
          } catch (StoreBusyException busy) {
            return busy;
          }
        };
        starts.add(pool.submit(start));
      }
      go.countDown();
      List<StoreRun> runs = new ArrayList<>();
      List<StoreBusyException> refused = new ArrayList<>();
      for (Future<Object> f : starts) {
        Object o = f.get();
        if (o instanceof StoreRun r) {
          runs.add(r);
        } else {
          refused.add((StoreBusyException) o);
        }
      }
      assertThat(runs).hasSize(1);
      assertThat(refused).hasSize(1);
      assertThat(refused.get(0).workflowId()).isEqualTo(runs.get(0).workflowId());

      StoreRun attached = Scenarios.client(temporal.client()).convergeOrAttach(store, "array-1", demand);
      StoreResult result = attached.result();
      assertThat(result.workflowId()).isEqualTo(runs.get(0).workflowId());
      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      // One writer: the store holds exactly one of the two demands, never a mix.
      Inventory inventory = sim.await(sim.inventory(store));
      boolean firstWon = inventory.findByName("vm-00001").isPresent();
      Demand winner = firstWon ? demand : Demand.of(IMAGE, "other", 5);
      assertThat(StoreChecks.violations(store, inventory, winner, 8, List.of(), sim.records(), 0))
          .isEmpty();
      assertThatThrownBy(() -> Scenarios.client(temporal.client()).attach(store).changeDemand(demand))
          .isInstanceOf(RuntimeException.class);
    } finally {
      pool.shutdownNow();
    }
  }
}
