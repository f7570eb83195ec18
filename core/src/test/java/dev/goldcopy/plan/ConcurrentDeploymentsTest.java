package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import org.junit.jupiter.api.Test;

/** The throughput rule from the caller's expected deployments, and how the master cap counts. */
class ConcurrentDeploymentsTest {

  private static ArrayCapabilities caps(int perSource, int cloneConcurrency) {
    return ArrayCapabilities.builder()
        .maxVirtualCopiesPerSource(perSource)
        .maxConcurrentVirtualCopies(cloneConcurrency)
        .build();
  }

  private static long replicas(ReplicationPlan plan) {
    return plan.steps().stream().filter(s -> s instanceof CreateReplica).count();
  }

  @Test
  void expectedDeploymentsSizeTheThroughputRuleNotTheArraysConcurrency() {
    PlanningPolicy azure =
        PlanningPolicy.builder()
            .maxConcurrentCreationsPerSource(20)
            .expectedConcurrentDeployments(1000)
            .build();
    StoreModel store = StoreModel.withOrigin(caps(ArrayCapabilities.UNLIMITED, 64));
    ReplicationPlan plan =
        ContainerReplicationPlanner.create(azure).plan(store.input(Demand.of(GOLD, "vm", 2000)));

    assertThat(plan.sizing().get(0).throughputNeed()).isEqualTo(50); // ceil(1000 / 20)
    assertThat(replicas(plan)).isEqualTo(49);
    assertThat(plan.explain()).contains("ceil(1000 expected concurrent deployments / 20) = 50");

    ReplicationPlan arrayBound =
        ContainerReplicationPlanner.create(
                PlanningPolicy.builder().maxConcurrentCreationsPerSource(20).build())
            .plan(store.input(Demand.of(GOLD, "vm", 2000)));
    assertThat(arrayBound.sizing().get(0).throughputNeed()).isEqualTo(4); // ceil(64 / 20)
    assertThat(arrayBound.explain()).contains("ceil(64 concurrent / 20)");
  }

  @Test
  void expectedDeploymentsNeverExceedTheGroupsVms() {
    PlanningPolicy policy =
        PlanningPolicy.builder()
            .maxConcurrentCreationsPerSource(20)
            .expectedConcurrentDeployments(1000)
            .build();
    StoreModel store = StoreModel.withOrigin(caps(ArrayCapabilities.UNLIMITED, 0));
    ReplicationPlan plan =
        ContainerReplicationPlanner.create(policy).plan(store.input(Demand.of(GOLD, "vm", 100)));

    assertThat(plan.sizing().get(0).throughputNeed()).isEqualTo(5); // ceil(100 / 20)
  }

  @Test
  void aCapThatCountsTheOriginAllowsOneMasterFewer() {
    StoreModel store = StoreModel.withOrigin(caps(4, 0));
    Demand demand = Demand.of(GOLD, "vm", 20);
    ReplicationPlan counted =
        ContainerReplicationPlanner.create(PlanningPolicy.builder().maxMastersPerGroup(3).build())
            .plan(store.input(demand));
    ReplicationPlan notCounted =
        ContainerReplicationPlanner.create(
                PlanningPolicy.builder().maxMastersPerGroup(3).capCountsOrigin(false).build())
            .plan(store.input(demand));

    assertThat(replicas(counted)).isEqualTo(2);
    assertThat(counted.sizing().get(0).note()).contains("Master cap 3, the origin counted.");
    assertThat(counted.shortfalls()).singleElement()
        .satisfies(s -> assertThat(s.vms()).hasSize(8));
    assertThat(replicas(notCounted)).isEqualTo(3);
    assertThat(notCounted.sizing().get(0).note())
        .contains("Master cap 3 replicas, the origin not counted.");
    assertThat(notCounted.shortfalls()).singleElement()
        .satisfies(s -> assertThat(s.vms()).hasSize(4));
  }

  @Test
  void sizingRuleAgreesWithThePlanner() {
    PlanningPolicy policy = PlanningPolicy.builder().cloneRatio(40).build();
    ArrayCapabilities caps = caps(100, 0);
    assertThat(SizingRule.clonesPerMaster(policy, caps)).isEqualTo(40);
    assertThat(SizingRule.masters(policy, caps, true, 1000, 1000)).isEqualTo(25);
    assertThat(SizingRule.masters(policy, caps, true, 0, 0)).isEqualTo(1);
    assertThat(SizingRule.masterCap(PlanningPolicy.defaults(), true)).isEqualTo(Long.MAX_VALUE);
    assertThat(SizingRule.masterCap(
            PlanningPolicy.builder().maxMastersPerGroup(10).capCountsOrigin(false).build(), true))
        .isEqualTo(11);
    assertThatThrownBy(() -> SizingRule.masters(policy, caps, true, 5, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlanningPolicy.builder().expectedConcurrentDeployments(-1).build())
        .hasMessageContaining("expectedConcurrentDeployments");
  }
}
