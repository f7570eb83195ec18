package dev.goldcopy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LowerBoundTest {
  private static final long GIB = 1L << 30;

  /** 1 GiB/s in all, 256 MiB/s per copy, 4 copies at once, 2 s clones, 8 clones at once. */
  private static final ArrayTimeModel MODEL =
      new ArrayTimeModel(GIB, GIB / 4, Duration.ZERO, 4, Duration.ofSeconds(2), 8);

  @Test
  void copyBandwidthDominatesForManyReplicasOfALargeImage() {
    LowerBound bound = LowerBound.of(MODEL, 2000, 8, 40 * GIB);

    assertThat(bound.replicas()).isEqualTo(249);
    assertThat(bound.copyTerm()).isEqualTo(Duration.ofMinutes(249 * 40 / 60));
    assertThat(bound.cloneTerm()).isEqualTo(Duration.ofSeconds(2000 * 2 / 8));
    // one copy at 256 MiB/s takes 160 s; 63 rounds of 4 copies take 10,080 s; then one clone
    assertThat(bound.criticalPathTerm()).isEqualTo(Duration.ofSeconds(63 * 160 + 2));
    assertThat(bound.value()).isEqualTo(Duration.ofSeconds(10_082));
    assertThat(bound.twoTermBound()).isEqualTo(bound.copyTerm());
    assertThat(bound.dominantTerm()).isEqualTo("critical path");
  }

  @Test
  void cloneConcurrencyDominatesWhenOneMasterIsEnough() {
    LowerBound bound = LowerBound.of(MODEL, 100, 0, 40 * GIB);

    assertThat(bound.replicas()).isZero();
    assertThat(bound.copyTerm()).isEqualTo(Duration.ZERO);
    assertThat(bound.criticalPathTerm()).isEqualTo(Duration.ZERO);
    assertThat(bound.value()).isEqualTo(Duration.ofSeconds(25));
    assertThat(bound.dominantTerm()).isEqualTo("clone concurrency");
  }

  @Test
  void firstReplicaDelaysTheClonesThatNeedIt() {
    // 1 GiB image: one copy takes 4 s; 80 clones beyond the origin's 8 take 10 rounds of 2 s
    LowerBound bound = LowerBound.of(MODEL, 88, 8, GIB);

    assertThat(bound.criticalPathTerm()).isEqualTo(Duration.ofSeconds(4 + 20));
    assertThat(bound.value()).isEqualTo(bound.criticalPathTerm());
    assertThat(bound.value()).isGreaterThan(bound.twoTermBound());
  }

  @Test
  void neverExceedsAScheduleThatMeetsIt() {
    // N = L + 1 with an instant clone: one replica copied alone is the whole job
    ArrayTimeModel instantClones =
        new ArrayTimeModel(GIB, GIB, Duration.ofSeconds(1), 1, Duration.ZERO, 1);
    LowerBound bound = LowerBound.of(instantClones, 9, 8, 10 * GIB);

    assertThat(bound.value()).isEqualTo(Duration.ofSeconds(11));
  }

  @Test
  void refusesNegativeInput() {
    assertThatThrownBy(() -> LowerBound.of(MODEL, -1, 8, GIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vms");
    assertThatThrownBy(() -> new ArrayTimeModel(GIB, 2 * GIB, Duration.ZERO, 1, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perStreamCopyBytesPerSecond");
  }
}
