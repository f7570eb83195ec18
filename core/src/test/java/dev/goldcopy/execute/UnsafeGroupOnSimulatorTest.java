package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store on an MD3200 (8 snapshots per LUN) where an administrator registered an image under a
 * group id with a space: no replica name can be made from it, so that image gets only the clones
 * its origin takes and a {@code REPLICA_NAME} shortfall, while the store's other image is
 * provisioned in full; no name with a space reaches the array.
 */
class UnsafeGroupOnSimulatorTest {
  private static final ContentId UBUNTU = ContentId.of("ubuntu", "24.04");

  private final SimScenario s = new SimScenario(VendorProfile.DELL_MD3200, 7, FaultPlan.none());

  @Test
  void onlyTheUnsafeGroupsVmsAreShortAndNoUnsafeNameReachesTheArray() {
    s.sim.createOrigin(s.store, "golden-ubuntu", UBUNTU, GroupId.of("ubuntu golden"), 1L << 30);
    Demand demand =
        Demand.builder().addAll(SimScenario.demand(12)).addAll(Demand.of(UBUNTU, "u", 12)).build();
    ReplicationExecutor executor = s.executor().build();

    ExecutionResult result = s.sim.await(executor.start(s.store, demand).result());

    assertThat(result.outcome()).isEqualTo(Outcome.SHORT);
    assertThat(result.shortfalls()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.REPLICA_NAME);
      assertThat(sf.content()).isEqualTo(UBUNTU);
      assertThat(sf.vms()).hasSize(4);
      assertThat(sf.reason()).contains("group id 'ubuntu golden'").contains("space");
    });
    List<Container> clones = s.sim.await(s.sim.inventory(s.store)).containers().stream()
        .filter(c -> !c.isMaster()).toList();
    assertThat(clones).filteredOn(c -> c.content().equals(SimScenario.IMAGE)).hasSize(12);
    assertThat(clones).filteredOn(c -> c.content().equals(UBUNTU)).hasSize(8);
    assertThat(s.sim.records().calls()).extracting(CallRecord::name)
        .filteredOn(n -> n != null).noneMatch(n -> n.contains(" "));

    int callsBefore = s.sim.records().calls().size();
    ExecutionResult rerun = s.sim.await(executor.start(s.store, demand).result());
    assertThat(rerun.outcome()).isEqualTo(Outcome.SHORT);
    assertThat(s.sim.records().calls().subList(callsBefore, s.sim.records().calls().size()))
        .extracting(CallRecord::operation)
        .as("a rerun makes nothing")
        .doesNotContain(Operation.CREATE_PHYSICAL_COPY, Operation.CREATE_VIRTUAL_COPY);
  }
}
