package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import org.junit.jupiter.api.Test;

/** The fixture plans and provisions in one call, and one seed fixes a run. */
class TestStoreTest {

  @Test
  void plansAndProvisionsInOneCall() {
    TestStore store = TestStore.on(VendorProfile.DELL_MD3200);

    assertThat(store.plan(100)).hasMastersAfter(13).makesReplicas(12).makesClones(100)
        .hasNoShortfall().staysWithinLimits(store.input(store.demand(100)));
    assertThat(store.provision(100)).succeeded().hasMasters(13).hasClones(100).madeReplicas(12)
        .hasNoMasterAbove(8).exceededNoLimit().leftOriginPristine();
    assertThat(store.plan(200)).isShortBy(Shortfall.Limit.ARRAY_TOTAL, 72);
  }

  @Test
  void oneSeedFixesTheRunAndAnotherChangesIt() {
    FaultPlan faults = FaultPlan.builder().transientBusyRate(0.2).lostResponseRate(0.1).build();
    Provisioning a = TestStore.builder().seed(11).faults(faults).build().provision(64);
    Provisioning b = TestStore.builder().seed(11).faults(faults).build().provision(64);
    Provisioning c = TestStore.builder().seed(12).faults(faults).build().provision(64);

    assertThat(a).succeeded();
    assertThat(b.records().calls()).isEqualTo(a.records().calls());
    assertThat(b.elapsed()).isEqualTo(a.elapsed());
    assertThat(c.records().calls()).isNotEqualTo(a.records().calls());
    assertThat(Seeds.retry(11)).isNotEqualTo(Seeds.simulator(11)).isEqualTo(Seeds.retry(11));
  }
}
