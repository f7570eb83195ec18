package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Labels;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** One step of an approved plan checked against the view of the store, kept up to date. */
class StepViewTest {
  private static final VendorProfile PROFILE =
      VendorProfile.builder("view").maxVirtualCopiesPerSource(2).build();
  private static final Predicate<Container> OURS =
      new Stewardship(PlanningPolicy.defaults(), Demand.none())::manages;

  private final SimScenario s = new SimScenario(PROFILE, 5, FaultPlan.none());

  private StepView view() {
    return new StepView(new Observation(s.sim.capabilitiesNow(s.store), s.sim.inventoryNow(s.store)),
        Instant.EPOCH);
  }

  private static CreateClone clone(String name) {
    return new CreateClone("c-" + name, name, VmId.of(name), "golden-win11", SimScenario.IMAGE,
        List.of(), "test");
  }

  @Test
  void aCloneWithinTheLimitPassesAndTheOneThatWouldPassItIsDrift() {
    StepView v = view();
    ContainerId origin = s.origin.id();

    assertThat(v.check(clone("vm-1"), origin, OURS)).isNull();
    v.passed(clone("vm-1"), origin);
    assertThat(v.check(clone("vm-2"), origin, OURS)).isNull();
    v.passed(clone("vm-2"), origin);

    assertThat(v.check(clone("vm-3"), origin, OURS)).isNotNull().satisfies(d -> {
      assertThat(d.stepId()).isEqualTo("c-vm-3");
      assertThat(d.expected()).contains("2 per source");
    });
  }

  @Test
  void aNameHeldByAnotherVolumeIsDriftAndAMissingSourceToo() {
    s.sim.await(s.sim.createVirtualCopy(s.store, s.origin.id(), "vm-1", Labels.empty()));
    StepView v = view();

    assertThat(v.check(clone("vm-1"), s.origin.id(), OURS)).isNotNull()
        .extracting(Drift::expected).asString().contains("the name free");

    assertThat(v.check(clone("vm-2"), ContainerId.of("no-such"), OURS)).isNotNull().satisfies(d -> {
      assertThat(d.container()).isEqualTo("golden-win11");
      assertThat(d.expected()).contains("a master to copy from");
    });

    CreateReplica wrongContent = new CreateReplica("r-1", "win11-r1", "golden-win11", SimScenario.GROUP,
        dev.goldcopy.spi.ContentId.of("rhel", "9.4"), 1L << 30, 1, List.of(), "test");
    assertThat(v.check(wrongContent, s.origin.id(), OURS)).isNotNull()
        .extracting(Drift::expected).asString().contains("a usable master of rhel");
  }

  @Test
  void aDeletionOfAContainerWithAClonePassesOnlyOnceTheCloneIsGone() {
    Container replica =
        s.sim.await(s.sim.createPhysicalCopy(s.store, s.origin.id(), "win11-r1", Labels.empty()));
    Container clone =
        s.sim.await(s.sim.createVirtualCopy(s.store, replica.id(), "vm-9", Labels.empty()));
    StepView v = view();
    DeleteContainer retire = new DeleteContainer("d-1", replica.id(), "win11-r1",
        DeleteContainer.Cause.REPLICA_RETIRED, List.of(), "test");

    assertThat(v.check(retire, replica.id(), OURS)).isNotNull()
        .extracting(Drift::found).asString().contains("1 dependent");
    v.deleted(clone.id());
    assertThat(v.check(retire, replica.id(), OURS)).isNull();
    v.deleted(replica.id());
    assertThat(v.check(retire, replica.id(), OURS)).as("already gone: done").isNull();
    DeleteContainer renamed = new DeleteContainer("d-2", s.origin.id(), "not-its-name",
        DeleteContainer.Cause.REPLICA_RETIRED, List.of(), "test");
    assertThat(v.check(renamed, s.origin.id(), OURS)).isNotNull();
  }
}
