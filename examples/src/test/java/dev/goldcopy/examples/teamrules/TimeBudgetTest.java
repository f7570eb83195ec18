package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.test.SimulatedStore;
import dev.goldcopy.test.TestStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rule 5: a morning's 100 VMs are ready within the maintenance window, in simulated time. */
@SimulatedStore(profile = "dell-md3200")
class TimeBudgetTest {

  @Test
  void aHundredVmsAreReadyWithinTheWindow(TestStore store) {
    assertThat(store.provision(100)).succeeded().hasClones(100)
        .finishedWithin(Duration.ofMinutes(10)); // 4 min 42 s when measured
  }
}
