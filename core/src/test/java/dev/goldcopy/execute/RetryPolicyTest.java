package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Optional<Duration> NO_HINT = Optional.empty();

  @Test
  void backOffDoublesUpToTheCapWithoutJitter() {
    RetryPolicy p =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(10))
            .jitter(0)
            .build();
    SplittableRandom r = new SplittableRandom(1);

    assertThat(p.backoff(1, NO_HINT, r)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(2, NO_HINT, r)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.backoff(3, NO_HINT, r)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoff(4, NO_HINT, r)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(5, NO_HINT, r)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.backoff(60, NO_HINT, r)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theArraysRetryAfterIsAFloor() {
    RetryPolicy p = RetryPolicy.builder().jitter(0).build();
    SplittableRandom r = new SplittableRandom(1);

    assertThat(p.backoff(1, Optional.of(Duration.ofSeconds(30)), r))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(p.backoff(1, Optional.of(Duration.ofMillis(10)), r))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterStaysWithinItsBandAndIsRepeatableForASeed() {
    qt().forAll(integers().between(1, 20), longs().all())
        .checkAssert(
            (attempt, seed) -> {
              RetryPolicy p =
                  RetryPolicy.builder()
                      .initialBackoff(Duration.ofMillis(500))
                      .maxBackoff(Duration.ofMinutes(1))
                      .jitter(0.2)
                      .build();
              RetryPolicy flat = RetryPolicy.builder()
                  .initialBackoff(Duration.ofMillis(500))
                  .maxBackoff(Duration.ofMinutes(1))
                  .jitter(0)
                  .build();
              Duration base = flat.backoff(attempt, NO_HINT, new SplittableRandom(seed));
              Duration d = p.backoff(attempt, NO_HINT, new SplittableRandom(seed));
              assertThat(d.toNanos()).isBetween(
                  (long) (base.toNanos() * 0.8) - 1, (long) (base.toNanos() * 1.2) + 1);
              assertThat(p.backoff(attempt, NO_HINT, new SplittableRandom(seed))).isEqualTo(d);
            });
  }

  @Test
  void refusesValuesOutOfRangeNamingTheField() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
    assertThatThrownBy(
            () -> RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(1))
                .build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0, NO_HINT, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failedAttempt");
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(8);
  }
}
