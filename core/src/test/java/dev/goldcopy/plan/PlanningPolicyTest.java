package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanningPolicyTest {

  @Test
  void defaultsServeFromTheOriginAndSpread() {
    PlanningPolicy p = PlanningPolicy.defaults();
    assertThat(p.originServesClones()).isTrue();
    assertThat(p.placement()).isEqualTo(Placement.SPREAD);
    assertThat(p.cloneRatio()).isEqualTo(PlanningPolicy.NO_LIMIT);
    assertThat(p.maxMastersPerGroup()).isEqualTo(PlanningPolicy.NO_LIMIT);
    assertThat(p.maxConcurrentCreationsPerSource()).isEqualTo(PlanningPolicy.NO_LIMIT);
    assertThat(p.growthHeadroomPercent()).isZero();
    assertThat(p.expectedCloneGrowthBytes()).isZero();
  }

  @Test
  void builderRoundTrips() {
    PlanningPolicy p =
        PlanningPolicy.builder().originServesClones(false).placement(Placement.PACK)
            .cloneRatio(40).maxMastersPerGroup(10).maxConcurrentCreationsPerSource(20)
            .growthHeadroomPercent(25).fillCapPercent(75).expectedCloneGrowthBytes(1 << 20).build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.cloneRatio()).isEqualTo(40);
  }

  @Test
  void refusesBadValuesNamingTheField() {
    assertThatThrownBy(() -> PlanningPolicy.builder().cloneRatio(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cloneRatio");
    assertThatThrownBy(() -> PlanningPolicy.builder().maxMastersPerGroup(-1).build())
        .hasMessageContaining("maxMastersPerGroup");
    assertThatThrownBy(() -> PlanningPolicy.builder().maxConcurrentCreationsPerSource(-2).build())
        .hasMessageContaining("maxConcurrentCreationsPerSource");
    assertThatThrownBy(() -> PlanningPolicy.builder().growthHeadroomPercent(1001).build())
        .hasMessageContaining("growthHeadroomPercent");
    assertThatThrownBy(() -> PlanningPolicy.builder().expectedCloneGrowthBytes(-1).build())
        .hasMessageContaining("expectedCloneGrowthBytes");
  }

  @Test
  void zeroIsNeverNoLimitInTheBuilder() {
    assertThatThrownBy(() -> PlanningPolicy.builder().cloneRatio(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noCloneRatio()");
    assertThatThrownBy(() -> PlanningPolicy.builder().maxMastersPerGroup(0))
        .hasMessageContaining("unlimitedMastersPerGroup()");
    assertThatThrownBy(() -> PlanningPolicy.builder().maxConcurrentCreationsPerSource(0))
        .hasMessageContaining("noThroughputRule()");
    assertThatThrownBy(() -> PlanningPolicy.builder().fillCapPercent(0))
        .hasMessageContaining("noFillCap()");
    assertThatThrownBy(() -> PlanningPolicy.builder().fillCapPercent(101))
        .hasMessageContaining("fillCapPercent");
    PlanningPolicy none =
        PlanningPolicy.builder().cloneRatio(6).maxMastersPerGroup(3)
            .maxConcurrentCreationsPerSource(2).fillCapPercent(75)
            .noCloneRatio().unlimitedMastersPerGroup().noThroughputRule().noFillCap().build();
    assertThat(none).isEqualTo(PlanningPolicy.defaults());
  }

  @Test
  void theFillCapIsAPercentageOfTheLimitRoundedDownAndAtLeastOne() {
    assertThat(FillCap.apply(8, 75)).isEqualTo(6);
    assertThat(FillCap.apply(1, 75)).isEqualTo(1);
    assertThat(FillCap.raised(1, 75)).isTrue();
    assertThat(FillCap.raised(8, 75)).isFalse();
    assertThat(FillCap.apply(0, 75)).isZero();
    assertThat(FillCap.apply(500, 100)).isEqualTo(500);
  }

  @Test
  void summaryAndSizingRefuseNegativeCounts() {
    assertThatThrownBy(() -> new PlanSummary(-1, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");
    assertThatThrownBy(
            () -> new GroupSizing(StoreModel.GOLD, dev.goldcopy.spi.GroupId.of("g"), -1, 0, 0, 0,
                0, 0, 0, 0, 0, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demandedVms");
  }
}
