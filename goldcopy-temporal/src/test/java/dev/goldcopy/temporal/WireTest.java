package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.Carry;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.StoreRequest;
import dev.goldcopy.temporal.wire.Totals;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value that crosses Temporal survives its default JSON converter unchanged. */
class WireTest {
  private static final DataConverter JSON = DefaultDataConverter.newDefaultInstance();
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  private static <T> T roundTrip(T value, Class<T> type) {
    return JSON.fromPayload(JSON.toPayload(value).orElseThrow(), type, type);
  }

  private static PlanningInput input() {
    SimulatedArray sim = SimulatedArray.builder().profile(VendorProfile.DELL_MD3200).build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    var origin = sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 1L << 30);
    sim.await(sim.createVirtualCopy(store, origin.id(), "old-vm", Labels.of("team", "vdi")));
    ArrayCapabilities caps = sim.await(sim.capabilities(store));
    Inventory inventory = sim.await(sim.inventory(store));
    return new PlanningInput(store, caps, inventory, Demand.of(IMAGE, "vm", 150));
  }

  @Test
  void aPlanWithShortfallsSizingAndDeletionsReadsBackAsTheSamePlan() {
    PlanningInput input = input();
    ReplicationPlan plan =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults()).plan(input);
    assertThat(plan.shortfalls()).isNotEmpty();

    ReplicationPlan back = roundTrip(PlanDto.of(plan), PlanDto.class).toPlan();

    assertThat(back).isEqualTo(plan);
    assertThat(back.explain()).isEqualTo(plan.explain());
  }

  @Test
  void observationsDemandsRequestsAndApprovalsReadBack() {
    PlanningInput input = input();
    ObservationDto observation = ObservationDto.of(input.capabilities(), input.inventory());
    assertThat(roundTrip(observation, ObservationDto.class).toInventory(input.store()))
        .isEqualTo(input.inventory());
    assertThat(roundTrip(observation, ObservationDto.class).capabilities().toCapabilities())
        .isEqualTo(input.capabilities());
    assertThat(roundTrip(DemandDto.of(input.demand()), DemandDto.class).toDemand())
        .isEqualTo(input.demand());

    ReplicationPlan plan =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults()).plan(input);
    ApprovedPlanDto approved = Approvals.approve(input, plan);
    Carry carry = new Carry(2, new Totals(1, 2, 3, 4, 5, 6, 7, 8, 0), List.of("win11-r001"),
        Map.of("vm-00001", 2), Map.of("vm-00002", "AccessDeniedException: no"),
        List.of("vm-00003"), Map.of("vm-00004", "busy"), List.of("clone:vm-00005"), 1, 0);
    StoreRequest request = new StoreRequest("acme", "pool-1", "array-1", StoreRequest.Mode.APPLY,
        null, approved, dev.goldcopy.temporal.wire.PolicyDto.of(
            PlanningPolicy.builder().cloneRatio(4).build()),
        RetryPolicy.builder().maxAttempts(3).seed(9).build(), Scenarios.fastSettings(), carry);

    assertThat(roundTrip(request, StoreRequest.class)).isEqualTo(request);
  }

  @Test
  void aThousandVmStoreCrossesTemporalWellWithinItsPayloadLimit() {
    SimulatedArray sim = SimulatedArray.builder()
        .profile(VendorProfile.builder("no limits").build()).build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    var origin = sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 1L << 30);
    for (int i = 1; i <= 1000; i++) {
      sim.await(sim.createVirtualCopy(store, origin.id(), String.format("vm-%05d", i),
          Labels.of(Ownership.MANAGED_BY, Ownership.GOLDCOPY, Ownership.OWNER, "goldcopy",
              WorkflowLabels.WORKFLOW_KEY, "goldcopy-store/acme/pool-1", Ownership.VM,
              String.format("vm-%05d", i), Ownership.CONTENT, "win11@2026.11")));
    }
    ObservationDto observation = ObservationDto.of(sim.await(sim.capabilities(store)),
        sim.await(sim.inventory(store)));
    int observationBytes = JSON.toPayload(observation).orElseThrow().getSerializedSize();
    PlanningInput fresh = new PlanningInput(store, sim.await(sim.capabilities(store)),
        sim.await(sim.inventory(store)),
        Demand.of(IMAGE, "new", 1000));
    int planBytes = JSON.toPayload(PlanDto.of(
        ContainerReplicationPlanner.create(PlanningPolicy.defaults()).plan(fresh)))
        .orElseThrow().getSerializedSize();
    System.out.printf("payloads: inventory of 1,001 labelled containers %d bytes (%d a container),"
        + " plan of 1,000 new clones and 1,000 deletions %d bytes%n",
        observationBytes, observationBytes / 1001, planBytes);

    assertThat(observationBytes).isLessThan(2 << 20);
    assertThat(planBytes).isLessThan(2 << 20);
  }
}
