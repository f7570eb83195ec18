package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultKind;
import dev.goldcopy.sim.CallOutcome;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.FleetRequest;
import dev.goldcopy.temporal.wire.FleetSummary;
import dev.goldcopy.temporal.wire.StoreResult;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thousand stores (the {@code goldcopy.temporal.stores} system property sets the count) on four
 * simulated arrays with faults on, provisioned by one fleet request across three worker
 * processes; every store's invariants are checked on the arrays at the end.
 */
// A guard against a hang, far above any run's time; not a performance assertion.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FleetAtScaleTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final int ARRAYS = 4;
  private static final int LIMIT = 8;

  @Test
  void provisionsAThousandStoresAcrossThreeWorkersWithFaultsAndKeepsEveryInvariant()
      throws Exception {
    int count = Integer.getInteger("goldcopy.temporal.stores", 1000);
    SplittableRandom random = new SplittableRandom(2026);
    List<SimulatedArray> sims = new ArrayList<>();
    List<DrivenArray> driven = new ArrayList<>();
    Map<String, DrivenArray> registry = new HashMap<>();
    VendorProfile profile = VendorProfile.builder("fleet array")
        .maxVirtualCopiesPerSource(LIMIT)
        .storeCapacityBytes(1L << 40)
        .build();
    for (int a = 0; a < ARRAYS; a++) {
      SimulatedArray sim = SimulatedArray.builder().profile(profile).seed(100 + a)
          .faults(Scenarios.someFaults()).recordCalls(true).build();
      sims.add(sim);
      DrivenArray d = DrivenArray.scaled(sim, 50, "fleet-" + a);
      driven.add(d);
      registry.put("array-" + a, d);
    }
    List<FleetRequest.Target> targets = new ArrayList<>();
    List<StoreRef> stores = new ArrayList<>();
    List<Demand> demands = new ArrayList<>();
    List<List<Container>> foreign = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SimulatedArray sim = sims.get(i % ARRAYS);
      StoreRef store = sim.addStore(TenantId.of("tenant-" + i % 7), StoreId.of("store-" + i));
      sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), Scenarios.GIB);
      List<Container> theirs = new ArrayList<>();
      if (i % 10 == 0) {
        // Someone else's image and clones in the same store: counted, never touched.
        Container other = sim.createOrigin(store, "other-golden", ContentId.of("other", "1"),
            GroupId.of("other"), Scenarios.GIB, Labels.of("team", "other"));
        theirs.add(other);
        sim.setFaults(dev.goldcopy.sim.FaultPlan.none());
        for (int k = 1; k <= 2; k++) {
          theirs.add(sim.await(sim.createVirtualCopy(store, other.id(), "other-vm-" + k,
              Labels.of("team", "other"))));
        }
        sim.setFaults(Scenarios.someFaults());
      }
      // Most stores are served by their origin alone (up to 8 VMs); one in five needs one or two
      // replicas (9 to 24 VMs). Fewer VMs than the stores' count times their mean keep the test
      // server's cost down: its bookkeeping per call grows with every call made before it.
      int size = i % 5 == 0 ? 9 + random.nextInt(16) : 1 + random.nextInt(8);
      Demand demand = Demand.of(IMAGE, "vm", size);
      stores.add(store);
      demands.add(demand);
      foreign.add(theirs);
      targets.add(new FleetRequest.Target(store.tenant().value(), store.store().value(),
          "array-" + i % ARRAYS, DemandDto.of(demand)));
    }
    int[] callsFrom = new int[ARRAYS];
    for (int a = 0; a < ARRAYS; a++) {
      callsFrom[a] = sims.get(a).records().calls().size();
    }
    try (TemporalFixture temporal = new TemporalFixture()) {
      for (int w = 0; w < 3; w++) {
        temporal.worker(ArrayRegistry.of(registry));
      }
      long wall = System.nanoTime();
      FleetWorkflow fleet = Scenarios.client(temporal.client()).provision("fleet-1", targets, 200);
      FleetSummary summary = WorkflowStub.fromTyped(fleet).getResult(FleetSummary.class);
      double seconds = (System.nanoTime() - wall) / 1e9;

      List<String> violations = new ArrayList<>();
      long limitRefusals = 0;
      long faults = 0;
      for (SimulatedArray sim : sims) {
        for (CallRecord c : sim.records().calls()) {
          if (c.outcome() == CallOutcome.LIMIT_REACHED) {
            limitRefusals++;
          }
        }
        for (FaultKind k : FaultKind.values()) {
          faults += sim.records().faultCount(k);
        }
        assertThat(sim.records().limitViolations()).isEmpty();
      }
      for (int i = 0; i < count; i++) {
        SimulatedArray sim = sims.get(i % ARRAYS);
        sim.setFaults(dev.goldcopy.sim.FaultPlan.none());
        Inventory inventory = sim.await(sim.inventory(stores.get(i)));
        violations.addAll(StoreChecks.violations(stores.get(i), inventory, demands.get(i), LIMIT,
            foreign.get(i), sim.records(), callsFrom[i % ARRAYS]));
      }
      int vms = demands.stream().mapToInt(Demand::size).sum();
      System.out.printf("%d stores, %d VMs, 3 workers: %.1f s wall, %d faults injected, %s%n",
          count, vms, seconds, faults, summary.byStatus());

      List<FleetSummary.Line> notSucceeded = summary.stores().stream()
          .filter(l -> !l.status().equals("SUCCEEDED")).toList();
      for (FleetSummary.Line l : notSucceeded) {
        // What the store's run says, and every call that failed, to see why.
        StoreRun run = Scenarios.client(temporal.client())
            .attach(StoreRef.of(l.tenant(), l.store()));
        StoreResult r = run.result();
        System.out.printf("%s/%s %s: %s; undone %s; totals %s%n", l.tenant(), l.store(),
            r.status(), r.reason(), r.undone(), r.totals());
        for (var e : temporal.client().fetchHistory(run.workflowId()).getHistory().getEventsList()) {
          if (e.hasActivityTaskFailedEventAttributes()) {
            System.out.println("  failed call: "
                + e.getActivityTaskFailedEventAttributes().getFailure().getMessage());
          } else if (e.hasActivityTaskTimedOutEventAttributes()) {
            System.out.println("  timed out call: "
                + e.getActivityTaskTimedOutEventAttributes().getFailure().getMessage());
          }
        }
      }
      assertThat(summary.finished()).isEqualTo(count);
      assertThat(summary.byStatus()).as("%s", notSucceeded).containsEntry("SUCCEEDED", count);
      assertThat(summary.vmsProvisioned()).isEqualTo(vms);
      assertThat(violations).isEmpty();
      assertThat(limitRefusals).isZero();
      assertThat(faults).isPositive();
    } finally {
      driven.forEach(DrivenArray::close);
    }
  }
}
