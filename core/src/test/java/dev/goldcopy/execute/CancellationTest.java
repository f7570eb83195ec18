package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Inventory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cancelling a run at random points leaves no orphans, and a later run finishes the work. */
class CancellationTest {

  @Test
  void cancellingAtRandomPointsLeavesNoOrphans() {
    int cancelledMidway = 0;
    for (int seed = 0; seed < 300; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int limit = 2 + random.nextInt(7);
      VendorProfile profile =
          VendorProfile.builder("cancel")
              .maxVirtualCopiesPerSource(limit)
              .maxConcurrentPhysicalCopies(1 + random.nextInt(4))
              .build();
      FaultPlan faults =
          FaultPlan.builder()
              .transientBusyRate(0.2 * random.nextDouble())
              .lostResponseRate(0.2 * random.nextDouble())
              .incompleteCopyRate(0.2 * random.nextDouble())
              .build();
      SimScenario s = new SimScenario(profile, seed, faults);
      Demand demand = SimScenario.demand(1 + random.nextInt(5 * limit));
      String where = "seed " + seed;

      ExecutionHandle run = s.executor().build().start(s.store, demand);
      for (int i = random.nextInt(40); i > 0 && !run.result().isDone() && s.sim.step(); i--) {
        // run until the cancel
      }
      boolean wasRunning = !run.result().isDone();
      run.cancel();
      ExecutionResult r = s.sim.await(run.result());
      s.sim.runUntilIdle();

      if (wasRunning) {
        cancelledMidway++;
        assertThat(r.outcome()).as(where).isEqualTo(Outcome.CANCELLED);
      }
      assertThat(run.progress().inFlight()).as(where).isZero();
      Inventory left = s.sim.await(s.sim.inventory(s.store));
      Invariants.resultMatchesArray(r, left, demand);
      if (r.outcome() == Outcome.CANCELLED) {
        assertThat(r.vms().values()).as(where)
            .noneMatch(v -> v instanceof VmOutcome.Unmet || v instanceof VmOutcome.Failed);
      }
      Invariants.noOrphans(left, s.origin, demand);
      Invariants.neverOverLimit(s.sim, left, limit);
      Invariants.originKeptAndNothingWithDependentsDeleted(s.sim, s.store, s.origin, left);

      ExecutionResult resumed = s.sim.await(s.executor().build().start(s.store, demand).result());
      assertThat(resumed.outcome()).as(where).isEqualTo(Outcome.SUCCEEDED);
      Invariants.converged(s.sim, s.store, s.origin, demand);
    }
    assertThat(cancelledMidway).isGreaterThan(100);
  }
}
