package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.test.SimulatedStore;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

/** Rule 1: the golden origin is never changed or deleted, and serves no VM. */
@SimulatedStore(profile = "dell-me4-large-pools")
class PristineOriginTest {
  private static final PlanningPolicy PRISTINE =
      PlanningPolicy.builder().originServesClones(false).build();

  @Test
  void theOriginIsNeverTouchedWhileTheStoreGrowsAndShrinks(TestStore store) {
    assertThat(store.plan(PRISTINE, store.demand(100))).neverDeletes("golden").hasNoShortfall();
    assertThat(store.provision(PRISTINE, store.demand(100), null)).succeeded().leftOriginPristine();
    assertThat(store.provision(PRISTINE, store.demand(20), null)).succeeded().leftOriginPristine()
        .hasClones(20);
    assertThat(store.inventory().containers())
        .noneMatch(c -> !c.isMaster() && store.origin().id().equals(c.source()));
  }
}
