package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.test.SimulatedStore;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

/** Rule 7: no master above 75% of the array's per-source limit, even when VMs go short. */
@SimulatedStore(profile = "dell-me4-large-pools")
class FillCapTest {
  private static final PlanningPolicy HEADROOM = PlanningPolicy.builder().fillCapPercent(75).build();

  @Test
  void mastersStayAtSixOfEightClones(TestStore store) {
    assertThat(store.plan(HEADROOM, store.demand(100))).hasMastersAfter(17).hasNoShortfall()
        .hasNoMasterAbove(6, store.inventory());
    assertThat(store.provision(HEADROOM, store.demand(100), null)).succeeded().hasNoMasterAbove(6);
  }

  @Test
  void aCappedGroupLeavesVmsShortRatherThanOverfill(TestStore store) {
    PlanningPolicy capped = HEADROOM.toBuilder().maxMastersPerGroup(10).build();

    assertThat(store.plan(capped, store.demand(100))).makesClones(60)
        .isShortBy(Shortfall.Limit.REPLICA_CAP, 40).hasNoMasterAbove(6, store.inventory());
  }
}
