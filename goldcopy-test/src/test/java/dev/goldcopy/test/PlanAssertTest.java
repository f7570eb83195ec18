package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;
import static dev.goldcopy.test.GoldcopyAssertions.assertThatThrownBy;

import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.VendorProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failed assertions say what the plan or run does instead. */
class PlanAssertTest {

  @Test
  void aFailedPlanAssertionShowsTheNumbersAndThePlan() {
    ReplicationPlan plan = TestStore.on(VendorProfile.DELL_MD3200).plan(100);

    assertThatThrownBy(() -> assertThat(plan).makesReplicas(11))
        .hasMessageContaining("11 new replica(s) but it has 12")
        .hasMessageContaining("Goldcopy plan, format 1");
    assertThatThrownBy(() -> assertThat(plan).isShortBy(Shortfall.Limit.CAPACITY, 3))
        .hasMessageContaining("3 VM(s) short by CAPACITY but it has 0");
    assertThatThrownBy(() -> assertThat(plan).retiresReplicas(1)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aFailedRunAssertionNamesTheSeed() {
    Provisioning run = TestStore.builder().seed(5).build().provision(10);

    assertThatThrownBy(() -> assertThat(run).finishedWithin(Duration.ZERO))
        .hasMessageContaining("seed 5");
    assertThatThrownBy(() -> assertThat(run).hasMasters(7))
        .hasMessageContaining("7 master(s) after but it has 2");
  }
}
