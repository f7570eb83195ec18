package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The executor with the real planner on the simulated array, for every vendor profile. */
class EndToEndOnSimulatedArrayTest {
  static final List<VendorProfile> PROFILES = SimScenario.PROFILES;

  @ParameterizedTest
  @FieldSource("PROFILES")
  void provisionsEveryVmWithinTheProfilesLimits(VendorProfile profile) {
    SimScenario s = new SimScenario(profile, 42, FaultPlan.none());
    StoreRef neighbour = s.sim.addStore(TenantId.of("globex"), StoreId.of("pool-9"));
    Container theirs =
        s.sim.createOrigin(neighbour, "their-golden", SimScenario.IMAGE, SimScenario.GROUP, 1L << 30);
    int limit = profile.capabilities().maxVirtualCopiesPerSource();
    int n = Math.min(2 * limit + 3, 1_100);
    Demand demand = SimScenario.demand(n);

    ExecutionResult r = s.sim.await(s.executor().build().start(s.store, demand).result());

    assertThat(r.outcome()).as(profile.name()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.vms().values()).allMatch(VmOutcome.Provisioned.class::isInstance);
    assertThat(r.totals().clonesMade()).isEqualTo(n);
    int masters = ArrayCapabilities.isLimited(limit) ? (n + limit - 1) / limit : 1;
    assertThat(r.totals().replicasMade()).isEqualTo(masters - 1);
    // 6. nothing touched the other tenant's store
    assertThat(s.sim.records().calls()).map(CallRecord::store).containsOnly(s.store);
    Inventory other = s.sim.await(s.sim.inventory(neighbour));
    assertThat(other.containers()).containsExactly(theirs);
    Invariants.converged(s.sim, s.store, s.origin, demand);
    if (ArrayCapabilities.isLimited(profile.capabilities().maxConcurrentPhysicalCopies())) {
      assertThat(s.sim.records().peakConcurrentPhysicalCopies())
          .isLessThanOrEqualTo(profile.capabilities().maxConcurrentPhysicalCopies());
    }
    // the executor never ran into the array's concurrency: it honours the declared figures
    assertThat(s.sim.records().calls())
        .filteredOn(c -> c.operation() != Operation.INVENTORY)
        .map(CallRecord::outcome)
        .doesNotContain(dev.goldcopy.sim.CallOutcome.BUSY);
  }

  @ParameterizedTest
  @FieldSource("PROFILES")
  void scalesDownAndUpAgain(VendorProfile profile) {
    SimScenario s = new SimScenario(profile, 7, FaultPlan.none());
    int limit = Math.min(profile.capabilities().maxVirtualCopiesPerSource(), 40);
    Demand big = SimScenario.demand(3 * limit + 1);
    Demand small = SimScenario.demand(limit - 1);

    assertThat(s.sim.await(s.executor().build().start(s.store, big).result()).outcome())
        .isEqualTo(Outcome.SUCCEEDED);
    ExecutionResult down = s.sim.await(s.executor().build().start(s.store, small).result());
    assertThat(down.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(down.totals().deletions()).isPositive();
    ExecutionResult up = s.sim.await(s.executor().build().start(s.store, big).result());

    assertThat(up.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Invariants.converged(s.sim, s.store, s.origin, big);
  }
}
