package dev.goldcopy.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How an engineer unit-tests planning logic with the simulator: a real vendor's limits, virtual
 * time (the whole provisioning takes milliseconds of wall time), faults on demand, and the same
 * result for the same seed.
 */
class PlanningPolicyOnSimulatorTest {
  private static final ContentId IMAGE = ContentId.of("win11-vdi", "2026.11");

  private static SimulatedArray array(VendorProfile profile, FaultPlan faults) {
    return SimulatedArray.builder().profile(profile).seed(7).faults(faults).build();
  }

  private static StoreRef storeWithOrigin(SimulatedArray array) {
    StoreRef store = array.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    array.createOrigin(store, "golden", IMAGE, GroupId.of("win11"), 40L << 30);
    return store;
  }

  private static ReplicationPlan plan(
      SimulatedArray array, StoreRef store, PlanningPolicy policy, Demand demand) {
    return ContainerReplicationPlanner.create(policy)
        .plan(
            new PlanningInput(
                store,
                array.await(array.capabilities(store)),
                array.await(array.inventory(store)),
                demand));
  }

  @Test
  void aCitrixStyleRatioOnA3parNeedsMoreMastersThanTheArrayLimit() {
    SimulatedArray array = array(VendorProfile.HPE_3PAR, FaultPlan.none());
    StoreRef store = storeWithOrigin(array);

    // 3PAR allows 500 clones per base volume; a policy of 40 VMs per master wants 25 masters.
    ReplicationPlan plan =
        plan(array, store, PlanningPolicy.builder().cloneRatio(40).build(),
            Demand.of(IMAGE, "vm", 1000));

    assertThat(plan.summary().replicas()).isEqualTo(24);
    assertThat(plan.shortfalls()).isEmpty();
  }

  @Test
  void aReplicaCapLeavesVmsShortAndSaysWhich() {
    SimulatedArray array = array(VendorProfile.DELL_ME4_LARGE_POOLS, FaultPlan.none());
    StoreRef store = storeWithOrigin(array);

    // 8 clones per master and at most 10 masters: 80 VMs fit, 20 do not.
    ReplicationPlan plan =
        plan(array, store, PlanningPolicy.builder().maxMastersPerGroup(10).build(),
            Demand.of(IMAGE, "vm", 100));

    assertThat(plan.shortfalls()).hasSize(1);
    Shortfall shortfall = plan.shortfalls().get(0);
    assertThat(shortfall.limit()).isEqualTo(Shortfall.Limit.REPLICA_CAP);
    assertThat(shortfall.vms()).hasSize(20);
  }

  @Test
  void thePlanSurvivesFaultsAndTheSameSeedGivesTheSameRun() {
    Duration first = provisionWithFaults();
    Duration second = provisionWithFaults();

    assertThat(first).isEqualTo(second).isPositive();
  }

  private static Duration provisionWithFaults() {
    SimulatedArray array =
        array(
            VendorProfile.DELL_MD3200,
            FaultPlan.builder().transientBusyRate(0.2).lostResponseRate(0.1).build());
    StoreRef store = storeWithOrigin(array);
    ReplicationExecutor executor =
        ReplicationExecutor.builder(array)
            .executor(Runnable::run)
            .scheduler(array::schedule)
            .clock(array.clock())
            .build();

    ExecutionResult result = array.await(executor.start(store, Demand.of(IMAGE, "vm", 64)).result());

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(
            array.await(array.inventory(store)).containers().stream()
                .filter(Container::isMaster))
        .hasSize(8); // MD3200: 8 clones per LUN
    assertThat(array.records().limitViolations()).isEmpty();
    return result.totals().elapsed();
  }
}
