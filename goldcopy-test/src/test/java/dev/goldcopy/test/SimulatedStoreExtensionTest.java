package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.sim.VendorProfile;
import org.junit.jupiter.api.Test;

/** The extension injects a fresh store, set up by the annotation, with one seed. */
@SimulatedStore(profile = "hpe-3par", seed = "99")
class SimulatedStoreExtensionTest {

  @Test
  void theClassSettingsApply(TestStore store) {
    assertThat(store.array().profile()).isEqualTo(VendorProfile.HPE_3PAR);
    assertThat(store.seed()).isEqualTo(Long.getLong(Seeds.PROPERTY, 99L));
    assertThat(store.array().seed()).isEqualTo(Seeds.simulator(store.seed()));
    assertThat(store.inventory().containers()).containsExactly(store.origin());
  }

  @Test
  @SimulatedStore(profile = "emc-vnx", originGiB = 10)
  void theMethodSettingsWin(TestStore store) {
    assertThat(store.array().profile()).isEqualTo(VendorProfile.EMC_VNX);
    assertThat(store.origin().sizeBytes()).isEqualTo(10L << 30);
    assertThat(store.provision(20)).succeeded().hasMasters(2);
  }

  @Test
  void eachTestGetsItsOwnStore(TestStore store) {
    store.provision(5);
    assertThat(store.inventory().containers()).hasSize(6);
  }
}
