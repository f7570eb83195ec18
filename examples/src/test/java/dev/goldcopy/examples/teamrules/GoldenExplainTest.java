package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

/**
 * Rule 4: the plan for the team's standard pool reads exactly as reviewed. After a deliberate
 * change, rewrite the file with {@code -Dgoldcopy.golden.update=true} and review the diff.
 */
class GoldenExplainTest {

  @Test
  void theStandardPoolsPlanReadsAsReviewed() {
    TestStore store = TestStore.on(VendorProfile.DELL_MD3200);
    PlanningPolicy policy = PlanningPolicy.builder().cloneRatio(6).build();

    assertThat(store.plan(policy, store.demand(129))).explainsAsIn("md3200-129-vms-ratio-6.txt");
  }
}
