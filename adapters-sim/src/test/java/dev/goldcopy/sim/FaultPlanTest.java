package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void noneInjectsNothing() {
    FaultPlan none = FaultPlan.none();
    assertThat(none.isNone()).isTrue();
    assertThat(none.transientBusyRate()).isZero();
    assertThat(none.lostResponseRate()).isZero();
    assertThat(none.incompleteCopyRate()).isZero();
    assertThat(none.latencySpikeRate()).isZero();
    assertThat(FaultPlan.builder().build()).isEqualTo(none);
  }

  @Test
  void builderSetsEveryField() {
    FaultPlan plan =
        FaultPlan.builder()
            .transientBusyRate(0.1)
            .lostResponseRate(0.2)
            .incompleteCopyRate(0.3)
            .latencySpikeRate(0.4)
            .latencySpike(Duration.ofSeconds(5))
            .build();

    assertThat(plan)
        .isEqualTo(new FaultPlan(0.1, 0.2, 0.3, 0.4, Duration.ofSeconds(5)));
    assertThat(plan.isNone()).isFalse();
  }

  @Test
  void ratesOutsideZeroToOneAreRefusedNamingTheField() {
    assertThatThrownBy(() -> FaultPlan.builder().transientBusyRate(-0.01).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transientBusyRate");
    assertThatThrownBy(() -> FaultPlan.builder().lostResponseRate(1.01).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lostResponseRate");
    assertThatThrownBy(() -> FaultPlan.builder().incompleteCopyRate(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incompleteCopyRate");
    assertThatThrownBy(() -> FaultPlan.builder().latencySpikeRate(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latencySpikeRate");
    assertThatThrownBy(() -> FaultPlan.builder().latencySpike(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latencySpike");
  }
}
