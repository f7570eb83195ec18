package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two tenants on one array: an MD3200 allows 128 snapshots in all, and the other tenant holds
 * some of them. Goldcopy plans against what is left, copies no replica it cannot fill, states the
 * shortfall with who holds the rest, and a rerun changes nothing.
 */
class SharedArrayTest {
  private static final PlanningPolicy GLOBEX =
      PlanningPolicy.builder().owner(OwnerId.of("globex-cp")).build();

  private final SimScenario s = new SimScenario(VendorProfile.DELL_MD3200, 5, FaultPlan.none());
  private final StoreRef globex = s.sim.addStore(TenantId.of("globex"), StoreId.of("pool-7"));

  SharedArrayTest() {
    s.sim.createOrigin(globex, "globex-golden", SimScenario.IMAGE, SimScenario.GROUP, 1L << 30);
  }

  @Test
  void plansAgainstWhatTheOtherTenantLeavesAndCopiesNoEmptyReplica() {
    ExecutionResult theirs =
        s.sim.await(globexExecutor().start(globex, SimScenario.demand(100)).result());
    assertThat(theirs.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Demand ours = SimScenario.demand(200);

    ReplicationPlan plan =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults())
            .plan(
                new PlanningInput(
                    s.store,
                    s.sim.await(s.sim.capabilities(s.store)),
                    s.sim.await(s.sim.inventory(s.store)),
                    ours));
    assertThat(plan.summary().clones()).isEqualTo(28);
    assertThat(plan.summary().replicas()).isEqualTo(3); // 4 masters of 8 hold the 28
    assertThat(plan.shortfalls()).singleElement().satisfies(short_ -> {
      assertThat(short_.limit()).isEqualTo(Shortfall.Limit.ARRAY_TOTAL);
      assertThat(short_.vms()).hasSize(172);
      assertThat(short_.reason())
          .contains("virtual copy total (128)")
          .contains("this store holds 0 and the rest of the array 100");
    });

    int callsBefore = s.sim.records().calls().size();
    ExecutionResult run = s.sim.await(s.executor().build().start(s.store, ours).result());

    assertThat(run.totals().clonesMade()).isEqualTo(28);
    assertThat(run.totals().replicasMade()).isEqualTo(3);
    assertThat(run.shortfalls()).singleElement()
        .satisfies(short_ -> assertThat(short_.vms()).hasSize(172));
    assertThat(creates(callsBefore)).noneMatch(c -> c.outcome() != dev.goldcopy.sim.CallOutcome.SUCCEEDED);
    assertEveryMasterServes(s.sim.await(s.sim.inventory(s.store)));
    assertThat(s.sim.await(s.sim.inventory(globex)).containers()).hasSize(13 + 100);

    int callsAfter = s.sim.records().calls().size();
    ExecutionResult again = s.sim.await(s.executor().build().start(s.store, ours).result());
    assertThat(again.totals().clonesMade() + again.totals().replicasMade()).isZero();
    assertThat(creates(callsAfter)).isEmpty();
  }

  @Test
  void theOtherTenantTakingRoomMidRunEndsInAStatedShortfallWithoutThrashing() {
    Demand ours = SimScenario.demand(120);
    ExecutionHandle run = s.executor().build().start(s.store, ours);
    // While our replicas copy, the other tenant starts provisioning 100 VMs of its own.
    s.sim.schedule(
        Duration.ofSeconds(5),
        () -> globexExecutor().start(globex, Demand.of(SimScenario.IMAGE, "g", 100)));
    ExecutionResult result = s.sim.await(run.result());
    s.sim.runUntilIdle();

    Inventory mine = s.sim.await(s.sim.inventory(s.store));
    Inventory theirs = s.sim.await(s.sim.inventory(globex));
    long clones = countClones(mine) + countClones(theirs);
    assertThat(clones).isLessThanOrEqualTo(128);
    long refused =
        s.sim.records().calls().stream()
            .filter(c -> c.outcome() == dev.goldcopy.sim.CallOutcome.LIMIT_REACHED)
            .count();
    // Refusals come only from the race; each one makes the run re-plan against the new usage.
    assertThat(refused).isLessThan(40);
    assertThat(result.vms()).hasSize(120);
    long provisioned =
        result.vms().values().stream()
            .filter(v -> v instanceof VmOutcome.Provisioned || v instanceof VmOutcome.AlreadyThere)
            .count();
    assertThat(provisioned).isEqualTo(countClones(mine));

    int callsAfter = s.sim.records().calls().size();
    ExecutionResult again = s.sim.await(s.executor().build().start(s.store, ours).result());
    assertThat(creates(callsAfter)).allMatch(c -> c.outcome() == dev.goldcopy.sim.CallOutcome.SUCCEEDED);
    assertThat(again.shortfalls())
        .allSatisfy(short_ -> assertThat(short_.limit()).isEqualTo(Shortfall.Limit.ARRAY_TOTAL));
  }

  @Test
  void twoOwnersAndAnAdministratorWorkInOneStoreAndNoneTouchesTheOthers() {
    SimScenario shared = new SimScenario(VendorProfile.DELL_ME4_LARGE_POOLS, 11, FaultPlan.none());
    ReplicationExecutor teamA =
        shared.executor().planner(ContainerReplicationPlanner.create(policyOf("team-a"))).build();
    ReplicationExecutor teamB =
        shared.executor().planner(ContainerReplicationPlanner.create(policyOf("team-b"))).build();
    Container[] backup = new Container[1];
    Throwable[] error = new Throwable[1];
    // An administrator's snapshot of the origin, and a full copy of it by hand that is still being
    // made while both teams provision at once from the origin.
    shared.sim.await(shared.sim.createVirtualCopy(
        shared.store, shared.origin.id(), "admin-backup", dev.goldcopy.spi.Labels.empty()));
    shared.sim.createPhysicalCopy(
            shared.store, shared.origin.id(), "admin-copy", dev.goldcopy.spi.Labels.empty())
        .whenComplete((c, e) -> {
          backup[0] = c;
          error[0] = e;
        });
    ExecutionHandle a = teamA.start(shared.store, Demand.of(SimScenario.IMAGE, "a", 40));
    ExecutionHandle b = teamB.start(shared.store, Demand.of(SimScenario.IMAGE, "b", 30));
    shared.sim.await(a.result());
    shared.sim.await(b.result());
    shared.sim.runUntilIdle();
    Map<ContainerId, Container> bAndAdmin = new HashMap<>();
    for (Container c : shared.sim.await(shared.sim.inventory(shared.store)).containers()) {
      if (c.labels().has(dev.goldcopy.plan.Ownership.OWNER, "team-b")
          || c.name().startsWith("admin-")) {
        bAndAdmin.put(c.id(), c);
      }
    }
    assertThat(backup[0]).as("the administrator's copy, or " + error[0]).isNotNull();
    assertThat(bAndAdmin.values()).filteredOn(c -> !c.isMaster()).hasSize(30 + 1);
    assertThat(bAndAdmin.values()).extracting(Container::name).contains("admin-copy");

    // Team A leaves the store entirely, with every deletion approved.
    ExecutionResult gone =
        shared.sim.await(
            teamA.start(shared.store, Demand.none(), dev.goldcopy.plan.DeletionApproval.all())
                .result());

    assertThat(gone.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Inventory after = shared.sim.await(shared.sim.inventory(shared.store));
    assertThat(after.containers()).filteredOn(c -> c.labels().has(dev.goldcopy.plan.Ownership.OWNER, "team-a"))
        .as("team A's clones and replicas are gone").isEmpty();
    Map<ContainerId, Container> now = new HashMap<>();
    after.containers().forEach(c -> now.put(c.id(), c));
    bAndAdmin.forEach((id, c) -> assertThat(now.get(id)).as(c.name()).isEqualTo(c));
    assertThat(now.get(shared.origin.id())).isEqualTo(shared.origin);
  }

  private static PlanningPolicy policyOf(String owner) {
    return PlanningPolicy.builder().owner(OwnerId.of(owner)).build();
  }

  private ReplicationExecutor globexExecutor() {
    return s.executor().planner(ContainerReplicationPlanner.create(GLOBEX)).build();
  }

  private List<CallRecord> creates(int from) {
    List<CallRecord> calls = s.sim.records().calls();
    return calls.subList(from, calls.size()).stream()
        .filter(c -> c.store().equals(s.store))
        .filter(c -> c.operation() == Operation.CREATE_PHYSICAL_COPY
            || c.operation() == Operation.CREATE_VIRTUAL_COPY)
        .toList();
  }

  private static long countClones(Inventory inventory) {
    return inventory.containers().stream().filter(c -> !c.isMaster()).count();
  }

  private static void assertEveryMasterServes(Inventory inventory) {
    Map<ContainerId, Integer> clones = new HashMap<>();
    for (Container c : inventory.containers()) {
      if (!c.isMaster() && c.source() != null) {
        clones.merge(c.source(), 1, Integer::sum);
      }
    }
    for (Container c : inventory.containers()) {
      if (c.isMaster()) {
        assertThat(clones.getOrDefault(c.id(), 0)).as(c.name() + " serves clones").isPositive();
      }
    }
  }
}
