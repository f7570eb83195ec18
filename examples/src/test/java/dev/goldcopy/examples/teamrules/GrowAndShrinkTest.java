package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.test.SimulatedStore;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

/** Rule 2: 100 to 140 to 100 VMs on 8 clones per LUN moves no VM; 5 replicas come and go. */
@SimulatedStore(profile = "dell-me4-large-pools")
class GrowAndShrinkTest {

  @Test
  void growingAndShrinkingMovesNothingAndAddsThenRetiresFiveReplicas(TestStore store) {
    assertThat(store.provision(100)).succeeded().hasMasters(13);

    assertThat(store.plan(140)).makesReplicas(5).movesNothing().deletesNothing();
    assertThat(store.provision(140)).succeeded().madeReplicas(5).movedNothing().hasMasters(18);

    assertThat(store.plan(100)).retiresReplicas(5).makesReplicas(0).makesClones(0).movesNothing();
    assertThat(store.provision(100)).succeeded().movedNothing().hasMasters(13).hasClones(100)
        .deleted(45);
  }
}
