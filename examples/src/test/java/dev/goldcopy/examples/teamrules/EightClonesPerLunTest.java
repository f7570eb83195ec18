package dev.goldcopy.examples.teamrules;

// README:BEGIN
import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.test.SimulatedStore;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

@SimulatedStore(profile = "dell-md3200") // 8 clones per LUN, 128 per array
class EightClonesPerLunTest {
  @Test
  void aHundredVmsTakeThirteenLunsAndBreakNoLimit(TestStore store) {
    assertThat(store.plan(100)).hasMastersAfter(13).makesClones(100).hasNoShortfall();
    assertThat(store.provision(100)).succeeded().hasNoMasterAbove(8).exceededNoLimit()
        .leftOriginPristine();
  }
}
// README:END
