package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two executors on the same store at once converge on one store state with no duplicates. */
class RacingExecutorsTest {

  @Test
  void twoExecutorsStartedTogetherConvergeWithoutDuplicates() {
    for (int seed = 0; seed < 100; seed++) {
      race(seed, FaultPlan.none());
    }
  }

  @Test
  void twoExecutorsConvergeUnderFaults() {
    for (int seed = 0; seed < 100; seed++) {
      race(
          seed,
          FaultPlan.builder()
              .transientBusyRate(0.1)
              .lostResponseRate(0.1)
              .incompleteCopyRate(0.1)
              .build());
    }
  }

  private static void race(long seed, FaultPlan faults) {
    SplittableRandom random = new SplittableRandom(seed);
    int limit = 2 + random.nextInt(7);
    VendorProfile profile =
        VendorProfile.builder("race")
            .maxVirtualCopiesPerSource(limit)
            .maxConcurrentPhysicalCopies(1 + random.nextInt(4))
            .build();
    SimScenario s = new SimScenario(profile, seed, faults);
    Demand demand = SimScenario.demand(1 + random.nextInt(5 * limit));

    CompletableFuture<ExecutionResult> first =
        s.executor().build().start(s.store, demand).result();
    for (int i = random.nextInt(20); i > 0 && s.sim.step(); i--) {
      // the second executor starts a little later, or at once
    }
    CompletableFuture<ExecutionResult> second =
        s.executor().build().start(s.store, demand).result();
    ExecutionResult a = s.sim.await(first);
    ExecutionResult b = s.sim.await(second);
    s.sim.runUntilIdle();

    String where = "seed " + seed;
    assertThat(a.outcome()).as(where).isEqualTo(Outcome.SUCCEEDED);
    assertThat(b.outcome()).as(where).isEqualTo(Outcome.SUCCEEDED);
    Invariants.converged(s.sim, s.store, s.origin, demand);
    // no container was made twice: every clone or replica any create call returned is still there
    Set<ContainerId> final_ =
        s.sim.await(s.sim.inventory(s.store)).containers().stream()
            .map(Container::id)
            .collect(Collectors.toSet());
    assertThat(
            s.sim.records().calls().stream()
                .filter(c -> c.operation() == Operation.CREATE_VIRTUAL_COPY)
                .map(CallRecord::result)
                .filter(Objects::nonNull))
        .as(where)
        .allMatch(final_::contains);
    // and a third executor finds nothing to do
    int callsBefore = s.sim.records().calls().size();
    ExecutionResult third = s.sim.await(s.executor().build().start(s.store, demand).result());
    assertThat(third.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(s.sim.records().calls().subList(callsBefore, s.sim.records().calls().size()))
        .map(CallRecord::operation)
        .containsOnly(Operation.CAPABILITIES, Operation.INVENTORY);
  }
}
