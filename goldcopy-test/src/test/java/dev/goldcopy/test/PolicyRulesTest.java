package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.Finding;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.VendorProfile;
import org.junit.jupiter.api.Test;

/** The policy rules the test support exists to pin down, on the simulator's profiles. */
class PolicyRulesTest {
  private static final PlanningPolicy RATIO_6 = PlanningPolicy.builder().cloneRatio(6).build();

  @Test
  void onAnMd3200TheArrayTotalDoesNotDropTheRatio() {
    TestStore store = TestStore.on(VendorProfile.DELL_MD3200);

    ReplicationPlan fits = store.plan(RATIO_6, store.demand(128));
    ReplicationPlan over = store.plan(RATIO_6, store.demand(129));

    assertThat(fits).hasMastersAfter(22).makesClones(128).hasNoShortfall()
        .hasNoMasterAbove(6, store.inventory());
    assertThat(over).hasMastersAfter(22).makesClones(128)
        .isShortBy(Shortfall.Limit.ARRAY_TOTAL, 1).hasNoMasterAbove(6, store.inventory());
    assertThat(over.findings()).extracting(Finding::kind).doesNotContain(Finding.Kind.RATIO_EXCEEDED);
  }

  @Test
  void aRatioTheGroupCannotHonourIsAFinding() {
    TestStore store = TestStore.on(VendorProfile.DELL_ME4_LARGE_POOLS);
    PlanningPolicy capped = RATIO_6.toBuilder().maxMastersPerGroup(10).build();

    ReplicationPlan plan = store.plan(capped, store.demand(70));

    assertThat(plan).hasMastersAfter(10).makesClones(70).hasFinding(Finding.Kind.RATIO_EXCEEDED);
    // The ready origin takes its two above the ratio first, up to the limit of 8.
    assertThat(plan.explain()).contains("RATIO_EXCEEDED win11: 9 master(s) take 10 clone(s)"
        + " above the clone ratio of 6");
  }

  @Test
  void aFillCapThatRoundsToNothingIsOneAndSaysSo() {
    VendorProfile oneEach = VendorProfile.builder("one per source").maxVirtualCopiesPerSource(1)
        .build();
    TestStore store = TestStore.on(oneEach);

    ReplicationPlan plan =
        store.plan(PlanningPolicy.builder().fillCapPercent(75).build(), store.demand(4));

    assertThat(plan).hasMastersAfter(4).makesClones(4).hasNoMasterAbove(1, store.inventory())
        .hasFinding(Finding.Kind.FILL_CAP_RAISED);
  }

  @Test
  void theExplanationWritesSizesInUnitsOnly() {
    TestStore store = TestStore.builder().profile(VendorProfile.DELL_ME4_LARGE_POOLS)
        .capacityBytes(200L << 30).build();

    String explain = store.plan(100).explain();

    assertThat(explain).startsWith("Goldcopy plan, format 1\n").contains("Free capacity (160.0 GiB)")
        .doesNotContain("bytes").doesNotContainPattern("\\d{7,}");
    assertThat(explain.split("limit CAPACITY", -1)).hasSize(3); // the sizing line and the shortfall
  }
}
