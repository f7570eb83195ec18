package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.StepDto;
import dev.goldcopy.temporal.wire.StoreResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovedPlanTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  @Test
  void aPreviewedPlanIsAppliedExactly() throws Exception {
    SimulatedArray sim = Scenarios.me4(8, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-8"));
    sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 8 * Scenarios.GIB);
    Demand demand = Demand.of(IMAGE, "vm", 20);
    try (DrivenArray array = DrivenArray.scaled(sim, 100, "a8");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreClient client = Scenarios.client(temporal.client());
      StoreResult preview = client.preview(store, "array-1", demand);
      assertThat(preview.status()).isEqualTo(StoreResult.Status.PREVIEWED);
      assertThat(sim.records().calls()).noneMatch(c -> c.operation() != Operation.CAPABILITIES
          && c.operation() != Operation.INVENTORY);
      var approved = java.util.Objects.requireNonNull(preview.approval());
      assertThat(approved.fingerprint()).startsWith("sha256:");
      assertThat(approved.plan().toPlan().explain()).contains("win11");

      StoreResult applied = client.apply(store, "array-1", approved).result();

      assertThat(applied.status()).as(applied.reason()).isEqualTo(StoreResult.Status.SUCCEEDED);
      Set<String> planned = new HashSet<>();
      for (StepDto s : approved.plan().steps()) {
        planned.add(s.name());
      }
      Set<String> created = new HashSet<>();
      for (CallRecord c : sim.records().calls()) {
        if (c.operation() == Operation.CREATE_PHYSICAL_COPY
            || c.operation() == Operation.CREATE_VIRTUAL_COPY) {
          created.add(c.name());
        }
      }
      assertThat(created).isEqualTo(planned);
      Inventory inventory = sim.await(sim.inventory(store));
      assertThat(StoreChecks.violations(store, inventory, demand, 8, List.of(), sim.records(), 0))
          .isEmpty();
    }
  }

  @Test
  void aStoreThatDriftedSinceApprovalStopsWithTheReasonBeforeActing() throws Exception {
    SimulatedArray sim = Scenarios.me4(9, FaultPlan.none());
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-9"));
    Container origin =
        sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 8 * Scenarios.GIB);
    try (DrivenArray array = DrivenArray.scaled(sim, 100, "a9");
        TemporalFixture temporal = new TemporalFixture()) {
      temporal.worker(ArrayRegistry.of(Map.of("array-1", array)));
      StoreClient client = Scenarios.client(temporal.client());
      var approved = java.util.Objects.requireNonNull(
          client.preview(store, "array-1", Demand.of(IMAGE, "vm", 12)).approval());
      // Someone else clones the origin after the approval: a slot the plan counted is gone.
      sim.await(sim.createVirtualCopy(store, origin.id(), "someone-elses", Labels.of("team", "x")));
      int callsBefore = sim.records().calls().size();

      StoreResult result = client.apply(store, "array-1", approved).result();

      assertThat(result.status()).isEqualTo(StoreResult.Status.DRIFTED);
      assertThat(result.reason()).contains("win11-golden serves 1 virtual copies; the plan expected 0");
      assertThat(sim.records().calls().subList(callsBefore, sim.records().calls().size()))
          .allMatch(c -> c.operation() == Operation.CAPABILITIES
              || c.operation() == Operation.INVENTORY);
      assertThat(result.vms()).allMatch(v -> v.container() == null);
    }
  }
}
