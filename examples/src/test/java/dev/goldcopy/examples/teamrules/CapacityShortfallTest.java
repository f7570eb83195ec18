package dev.goldcopy.examples.teamrules;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.test.TestStore;
import org.junit.jupiter.api.Test;

/** Rule 3: a store too small for the demand says which VMs are short, and that capacity is why. */
class CapacityShortfallTest {

  @Test
  void aFullStoreNamesCapacityAsTheLimit() {
    TestStore store = TestStore.builder().profile(VendorProfile.DELL_ME4_LARGE_POOLS)
        .capacityBytes(200L << 30).build(); // the 40 GiB origin and room for 3 replicas

    ReplicationPlan plan = store.plan(100);

    assertThat(plan).makesReplicas(3).makesClones(32).isShortBy(Shortfall.Limit.CAPACITY, 68)
        .staysWithinLimits(store.input(store.demand(100)));
    assertThat(plan.explain()).contains("SHORT win11@2026.11 by 68 VM(s), limit CAPACITY");
    assertThat(store.provision(100)).isShortBy(Shortfall.Limit.CAPACITY, 68).hasClones(32)
        .exceededNoLimit();
  }
}
