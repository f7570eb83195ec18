package dev.goldcopy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
  void withASlowSourceReadTheMastersCanOnlyMultiplySoFast() {
    // 2 GiB/s in all, 512 MiB/s per copy, 4 copies, and a source read at 512 MiB/s
    ArrayTimeModel model =
        new ArrayTimeModel(
            2 * GIB, GIB / 2, Duration.ZERO, 4, Duration.ofSeconds(2), 64, GIB / 2);

    LowerBound bound = LowerBound.of(model, 2000, 8, 40 * GIB);

    // the first replica at 80 s (2 masters); doubling every 80 s * ln 2 until 4 masters feed the
    // whole 2 GiB/s (55.5 s more); then 246 more masters at 2 GiB/s (4,920 s); then one clone
    double expected = 80 + 80 * Math.log(2) + 4920 + 2;
    assertThat(bound.fanOutTerm().toNanos() / 1e9).isCloseTo(expected, within(1e-3));
    assertThat(bound.value()).isEqualTo(bound.fanOutTerm());
    assertThat(bound.dominantTerm()).isEqualTo("fan-out");
    assertThat(bound.criticalPathTerm()).isEqualTo(Duration.ofSeconds(63 * 80 + 2));
  }

  @Test
  void aSlowSourceWithOneReplicaNeededCostsOneCopyAtTheReadRate() {
    ArrayTimeModel model =
        new ArrayTimeModel(4 * GIB, 2 * GIB, Duration.ZERO, 8, Duration.ofSeconds(1), 8, GIB);

    LowerBound bound = LowerBound.of(model, 9, 8, 10 * GIB);

    // one copy at the 1 GiB/s read rate, not the 2 GiB/s stream rate, then a clone
    assertThat(bound.criticalPathTerm()).isEqualTo(Duration.ofSeconds(11));
    assertThat(bound.fanOutTerm()).isBetween(Duration.ofMillis(10_999), Duration.ofSeconds(11));
  }

  @Test
  void withoutAReadLimitTheFanOutTermIsZero() {
    assertThat(LowerBound.of(MODEL, 2000, 8, 40 * GIB).fanOutTerm()).isZero();
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
