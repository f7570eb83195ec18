package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RoundPlannerTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");
  private final RunLedger ledger = new RunLedger();
  private final ArrayCalls.Observation observation =
      new ArrayCalls.Observation(
          ArrayCapabilities.builder().maxConcurrentVirtualCopies(3).build(),
          new Inventory(STORE, List.of()));
  private final Demand demand = Demand.of(StageFixture.CONTENT, "vm", 2);
  private final List<PlanningInput> inputs = new ArrayList<>();

  private RoundPlanner planner(List<PlanStep> steps, List<Shortfall> shortfalls) {
    Function<PlanningInput, ReplicationPlan> plan =
        input -> {
          inputs.add(input);
          return new ReplicationPlan(STORE, steps, shortfalls);
        };
    return new RoundPlanner(plan, STORE, demand, dev.goldcopy.plan.DeletionApproval.none(), ledger, 1, 10);
  }

  @Test
  void opensARoundOverTheObservedArrayWithTheRoundsLimits() {
    RoundPlanner.Planned p =
        planner(List.of(cloneStep("vm-00001", "golden")), List.of()).plan(observation);

    assertThat(inputs)
        .containsExactly(
            new PlanningInput(STORE, observation.capabilities(), observation.inventory(), demand));
    assertThat(p.refusal()).isNull();
    Round round = requireNonNull(p.round());
    assertThat(round.graph).isSameAs(p.graph());
    assertThat(round.virtualCap).isEqualTo(3);
    assertThat(round.physicalCap).isEqualTo(1);
    assertThat(ledger.progress(0, 0).clones().total()).isEqualTo(1);
  }

  @Test
  void aPlannerThatRefusesGivesItsReason() {
    RoundPlanner refusing =
        new RoundPlanner(
            input -> {
              throw new IllegalArgumentException("demand.vms: unknown image");
            },
            STORE,
            demand,
            dev.goldcopy.plan.DeletionApproval.none(),
            ledger,
            1,
            1);

    RoundPlanner.Planned p = refusing.plan(observation);

    assertThat(p.refusal())
        .isEqualTo("planning failed: IllegalArgumentException: demand.vms: unknown image");
    assertThat(p.round()).isNull();
  }

  @Test
  void anEmptyPlanKeepsItsShortfallsAndOpensNoRound() {
    Shortfall shortfall =
        new Shortfall(
            StageFixture.CONTENT, Shortfall.Limit.CAPACITY, List.of(VmId.of("vm-00002")), "full");

    RoundPlanner.Planned p = planner(List.of(), List.of(shortfall)).plan(observation);

    assertThat(p.refusal()).isNull();
    assertThat(p.round()).isNull();
    assertThat(p.shortfalls()).containsExactly(shortfall);
    assertThat(p.graph().nodes()).isEmpty();
  }

  @Test
  void aPlanOfStepsThatFailedForGoodOpensNoRound() {
    ledger.stepFailed("vm-00001", "denied", false);

    RoundPlanner.Planned p =
        planner(List.of(cloneStep("vm-00001", "golden")), List.of()).plan(observation);

    assertThat(p.round()).isNull();
    assertThat(p.graph().nodes()).singleElement().satisfies(n -> assertThat(n.failure).isEqualTo("denied"));
  }
}
