package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultKind;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A thousand seeded random scenarios on the simulated array: store sizes, per-source limits,
 * concurrency, fault rates up to 30 % of calls, and executors that crash at random points (the run
 * is abandoned: it ignores its callbacks and issues nothing) while their calls are still in flight,
 * each followed by a fresh executor that resumes. After each scenario the invariants of docs/design.md hold,
 * and the simulator's records show no source over its limit at any instant.
 */
class FaultSoakTest {
  static final int SCENARIOS = 1_000;

  @Test
  void everyScenarioConvergesWithTheInvariantsIntact() {
    long faults = 0;
    long crashes = 0;
    for (int seed = 0; seed < SCENARIOS; seed++) {
      try {
        long[] seen = scenario(seed);
        faults += seen[0];
        crashes += seen[1];
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("scenario " + seed + " failed: " + e.getMessage(), e);
      }
    }
    // the soak really was faulty and crashy
    assertThat(faults).isGreaterThan(SCENARIOS);
    assertThat(crashes).isGreaterThan(SCENARIOS / 2);
  }

  /** Runs one scenario; returns the faults the simulator injected and the crashes staged. */
  static long[] scenario(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int limit = 2 + random.nextInt(7);
    VendorProfile profile =
        VendorProfile.builder("soak")
            .maxVirtualCopiesPerSource(limit)
            .maxConcurrentPhysicalCopies(1 + random.nextInt(4))
            .maxConcurrentVirtualCopies(2 + random.nextInt(15))
            .build();
    FaultPlan faults =
        FaultPlan.builder()
            .transientBusyRate(0.3 * random.nextDouble())
            .lostResponseRate(0.3 * random.nextDouble())
            .incompleteCopyRate(0.3 * random.nextDouble())
            .latencySpikeRate(0.1 * random.nextDouble())
            .build();
    SimScenario s = new SimScenario(profile, seed, faults);

    // an earlier, completed provisioning, so scale-down and scale-up both happen
    Demand before = SimScenario.demand(random.nextInt(3 * limit + 1));
    Demand after = SimScenario.demand(random.nextInt(4 * limit + 2));
    if (random.nextBoolean()) {
      ExecutionResult first = s.sim.await(s.executor().build().start(s.store, before).result());
      assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    long crashes = random.nextInt(4);
    for (int i = 0; i < crashes; i++) {
      ExecutionRun doomed = (ExecutionRun) s.executor().build().start(s.store, after, DeletionApproval.all());
      int events = random.nextInt(200);
      for (int e = 0; e < events && !doomed.result().isDone() && s.sim.step(); e++) {
        // run the array until the crash
      }
      doomed.abandon();
    }
    ExecutionResult last = s.sim.await(s.executor().build().start(s.store, after, DeletionApproval.all()).result());

    assertThat(last.outcome()).as("%s", last.undone()).isEqualTo(Outcome.SUCCEEDED);
    s.sim.runUntilIdle();
    Invariants.converged(s.sim, s.store, s.origin, after);
    long injected = 0;
    for (FaultKind kind : FaultKind.values()) {
      injected += s.sim.records().faultCount(kind);
    }
    return new long[] {injected, crashes};
  }
}
