package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.test.Provisioning;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

/** Rule 6: the same seed gives the same run, faults, retries and timings included. */
class DeterminismTest {

  private static Provisioning run(long seed) {
    return TestStore.builder().profile(VendorProfile.DELL_MD3200).seed(seed)
        .faults(FaultPlan.builder().transientBusyRate(0.05).lostResponseRate(0.05).build())
        .build().provision(100);
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    Provisioning first = run(42);
    Provisioning again = run(42);

    assertThat(first).succeeded();
    assertThat(again.records().calls()).isEqualTo(first.records().calls());
    assertThat(again.elapsed()).isEqualTo(first.elapsed());
    assertThat(again.after()).isEqualTo(first.after());
  }
}
