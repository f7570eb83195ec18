package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanText;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An approved plan runs exactly: written out, read back, carried out step for step; and refused,
 * before any change, when the store drifted from what it assumed.
 */
class ApplyTest {
  private static final VendorProfile PROFILE =
      VendorProfile.builder("apply").maxVirtualCopiesPerSource(4).maxConcurrentPhysicalCopies(2).build();

  private static ReplicationPlan plan(SimScenario s, Demand demand) {
    PlanningInput input =
        new PlanningInput(
            s.store, s.sim.await(s.sim.capabilities(s.store)), s.sim.await(s.sim.inventory(s.store)), demand);
    return ContainerReplicationPlanner.create(PlanningPolicy.defaults()).plan(input);
  }

  @Test
  void anApprovedPlanReadBackFromTextRunsExactlyItsSteps() {
    SimScenario s = new SimScenario(PROFILE, 1, FaultPlan.none());
    Demand demand = SimScenario.demand(10);
    ReplicationPlan approved = PlanText.read(PlanText.write(plan(s, demand)));
    int before = s.sim.records().calls().size();

    ExecutionResult r = s.sim.await(s.executor().build().apply(approved).result());

    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.vms().values()).hasSize(10).allMatch(VmOutcome.Provisioned.class::isInstance);
    Invariants.converged(s.sim, s.store, s.origin, demand);
    List<CallRecord> calls = s.sim.records().calls().subList(before, s.sim.records().calls().size());
    long creates = calls.stream()
        .filter(c -> c.operation() == Operation.CREATE_PHYSICAL_COPY
            || c.operation() == Operation.CREATE_VIRTUAL_COPY)
        .count();
    assertThat(creates).isEqualTo(approved.steps().size());
    // applying it again finds its work done and changes nothing
    int again = s.sim.records().calls().size();
    ExecutionResult second = s.sim.await(s.executor().build().apply(approved).result());
    assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(second.vms().values()).allMatch(VmOutcome.AlreadyThere.class::isInstance);
    assertThat(s.sim.records().calls().subList(again, s.sim.records().calls().size()))
        .map(CallRecord::operation)
        .containsOnly(Operation.CAPABILITIES, Operation.INVENTORY);
  }

  @Test
  void aForeignContainerOnAPlannedNameIsDriftAndNothingIsChanged() {
    SimScenario s = new SimScenario(PROFILE, 2, FaultPlan.none());
    ReplicationPlan approved = plan(s, SimScenario.demand(3));
    CreateClone clone = approved.steps().stream()
        .filter(CreateClone.class::isInstance).map(CreateClone.class::cast).findFirst().orElseThrow();
    // someone else makes a volume under the name the plan gives a VM's clone
    s.sim.await(s.sim.createVirtualCopy(s.store, s.origin.id(), clone.name(), Labels.empty()));
    int before = s.sim.records().calls().size();

    ExecutionResult r = s.sim.await(s.executor().build().apply(approved).result());

    assertThat(r.outcome()).isEqualTo(Outcome.DRIFTED);
    assertThat(r.drift()).anySatisfy(d -> {
      assertThat(d.stepId()).isEqualTo(clone.id());
      assertThat(d.container()).isEqualTo(clone.name());
    });
    assertThat(r.reason()).contains("drifted").contains(clone.name());
    assertThat(r.vms().values()).noneMatch(VmOutcome.Unfinished.class::isInstance);
    assertNoChangeSince(s, before);
  }

  @Test
  void clonesAddedOutOfBandPastTheLimitAreDrift() {
    SimScenario s = new SimScenario(PROFILE, 3, FaultPlan.none());
    ReplicationPlan approved = plan(s, SimScenario.demand(3)); // three clones on the origin
    for (int i = 0; i < 3; i++) {
      s.sim.await(s.sim.createVirtualCopy(s.store, s.origin.id(), "other-" + i, Labels.empty()));
    }
    int before = s.sim.records().calls().size();

    ExecutionResult r = s.sim.await(s.executor().build().apply(approved).result());

    assertThat(r.outcome()).isEqualTo(Outcome.DRIFTED);
    assertThat(r.drift()).anySatisfy(d -> assertThat(d.expected()).contains("per source"));
    assertNoChangeSince(s, before);
  }

  @Test
  void aDeletedSourceIsDrift() {
    SimScenario s = new SimScenario(PROFILE, 4, FaultPlan.none());
    ExecutionResult first = s.sim.await(s.executor().build().start(s.store, SimScenario.demand(6)).result());
    assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
    // grow: the plan clones onto the replica, which an operator then deletes with its clones
    ReplicationPlan grow = plan(s, SimScenario.demand(8));
    Container replica = s.sim.await(s.sim.inventory(s.store)).containers().stream()
        .filter(c -> c.isMaster() && !c.isOrigin()).findFirst().orElseThrow();
    for (Container c : s.sim.await(s.sim.inventory(s.store)).containers()) {
      if (replica.id().equals(c.source())) {
        s.sim.await(s.sim.delete(s.store, c.id()));
      }
    }
    s.sim.await(s.sim.delete(s.store, replica.id()));
    int before = s.sim.records().calls().size();

    ExecutionResult r = s.sim.await(s.executor().build().apply(grow).result());

    assertThat(r.outcome()).isEqualTo(Outcome.DRIFTED);
    assertThat(r.drift()).anySatisfy(d -> assertThat(d.container()).isEqualTo(replica.name()));
    assertNoChangeSince(s, before);
  }

  private static void assertNoChangeSince(SimScenario s, int before) {
    assertThat(s.sim.records().calls().subList(before, s.sim.records().calls().size()))
        .map(CallRecord::operation)
        .containsOnly(Operation.CAPABILITIES, Operation.INVENTORY);
  }
}
