package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.StoreProgress;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.VmResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A guard against a hang, far above any run's time; not a performance assertion.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StoreWorkflowControlTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  private static StoreRef store(SimulatedArray sim, String name, long imageBytes) {
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of(name));
    sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), imageBytes);
    return store;
  }

  @Test
  void cancelAbortsTheCopiesInFlightDeletesOnlyWhatTheRunHalfMadeAndReportsTheArray()
      throws Exception {
    SimulatedArray sim = Scenarios.me4(4, FaultPlan.none());
    StoreRef store = store(sim, "pool-4", 1024 * Scenarios.GIB);
    Container foreign = sim.createOrigin(store, "linux-golden", ContentId.of("linux", "9"),
        GroupId.of("linux"), Scenarios.GIB, Labels.of("team", "other"));
    try (DrivenArray array = DrivenArray.scaled(sim, 20, "a4");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreRun run = Scenarios.client(temporal.client())
          .converge(store, "array-1", Demand.of(IMAGE, "vm", 20));
      StoreProgress p = run.progress();
      while (p.clonesDone() == 0 || p.replicasPlanned() == 0) {
        Thread.sleep(20);
        p = run.progress();
      }
      Inventory during = sim.await(sim.inventory(store));
      assertThat(during.containers().stream().filter(c -> c.state() == ContainerState.COPYING))
          .isNotEmpty();
      long before = System.nanoTime();
      run.cancel();
      StoreResult result;
      try {
        result = run.resultAsync().get(3, TimeUnit.MINUTES);
      } catch (java.util.concurrent.TimeoutException e) {
        System.out.println(temporal.env.getDiagnostics()); // the history, to see where it stood
        throw e;
      }
      System.out.printf("cancel of 1 TiB copies returned in %.2f s wall%n",
          (System.nanoTime() - before) / 1e9);

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.CANCELLED);
      assertThat(result.totals().cleanupDeletions()).isPositive();
      Inventory after = sim.await(sim.inventory(store));
      assertThat(after.containers()).allMatch(Container::isReady);
      assertThat(after.findByName("win11-golden")).isPresent();
      assertThat(after.find(foreign.id())).contains(foreign);
      // The result is the array: a VM has a copy exactly when the array lists one.
      for (VmResult vm : result.vms()) {
        boolean listed = after.findByName(vm.vm()).isPresent();
        assertThat(vm.container() != null).as(vm.toString()).isEqualTo(listed);
        if (!listed) {
          assertThat(vm.kind()).isEqualTo(VmResult.Kind.UNFINISHED);
        }
      }
      assertThat(result.count(VmResult.Kind.PROVISIONED)).isPositive();
      assertThat(result.count(VmResult.Kind.UNFINISHED)).isPositive();
      // Temporal was never asked to cancel an activity: on the test server such a request for an
      // activity that completed while the workflow task ran makes the server refuse the task
      // (ACTIVITY_UNKNOWN), and the run then never moved again. Deleting the copies stops them.
      assertThat(temporal.client().fetchHistory(run.workflowId()).getHistory().getEventsList())
          .extracting(HistoryEvent::getEventType)
          .doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
      // Only what this run asked for was deleted.
      for (CallRecord c : sim.records().calls()) {
        if (c.operation() == Operation.DELETE) {
          assertThat(c.subject()).isNotEqualTo(foreign.id());
        }
      }
    }
  }

  @Test
  void aSignalChangesTheDemandWhileItRunsAndQueriesShowThePlan() throws Exception {
    SimulatedArray sim = Scenarios.me4(5, FaultPlan.none());
    StoreRef store = store(sim, "pool-5", 16 * Scenarios.GIB);
    try (DrivenArray array = DrivenArray.scaled(sim, 50, "a5");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreRun run = Scenarios.client(temporal.client())
          .converge(store, "array-1", Demand.of(IMAGE, "vm", 16));
      while (run.currentPlan().isEmpty()) {
        Thread.sleep(10);
      }
      assertThat(run.currentPlan().orElseThrow().toPlan().summary().replicas()).isEqualTo(1);
      Demand bigger = Demand.of(IMAGE, "vm", 30);
      run.changeDemand(bigger);
      StoreResult result = run.result();

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      assertThat(result.vms()).hasSize(30);
      assertThat(run.progress().demandChanges()).isEqualTo(1);
      assertThat(run.progress().phase()).isEqualTo(StoreProgress.Phase.DONE);
      Inventory inventory = sim.await(sim.inventory(store));
      assertThat(StoreChecks.violations(store, inventory, bigger, 8, List.of(), sim.records(), 0))
          .isEmpty();
    }
  }

  @Test
  void continuesAsNewCarryingWhatItMade() throws Exception {
    SimulatedArray sim = Scenarios.me4(6, FaultPlan.none());
    StoreRef store = store(sim, "pool-6", 8 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 40);
    try (DrivenArray array = DrivenArray.scaled(sim, 100, "a6");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreClient client = StoreClient.builder(temporal.client()).retry(Scenarios.fastRetry())
          .settings(StoreOptions.builder()
              .callTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(3),
                  java.time.Duration.ofSeconds(3))
              .copyWait(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200),
                  java.time.Duration.ofSeconds(2))
              .continueAsNewAfterEvents(100)
              .build())
          .build();
      StoreRun run = client.converge(store, "array-1", demand);
      StoreResult result = run.result();

      assertThat(result.status()).as(result.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      assertThat(result.count(VmResult.Kind.PROVISIONED)).isEqualTo(40);
      assertThat(result.totals().clonesMade()).isEqualTo(40);
      HistoryEvent first =
          temporal.client().fetchHistory(run.workflowId()).getHistory().getEvents(0);
      assertThat(first.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId())
          .isNotEmpty();
    }
  }
}
