package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private final VirtualLoop loop = new VirtualLoop();
  private final Mailbox mailbox = new Mailbox(Runnable::run, loop, e -> {});
  private final RetryPolicy policy =
      RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).seed(5).build();
  private final Retrier retrier = new Retrier(policy, mailbox);
  private final List<Integer> ran = new ArrayList<>();

  @Test
  void aRetryableErrorIsTriedAgainAfterThePolicysBackOffUntilTheAttemptsAreSpent() {
    SplittableRandom sameSeed = new SplittableRandom(5);
    TransientArrayException lost = new TransientArrayException("lost");

    Duration first = retrier.retry(1, lost, () -> ran.add(2));
    Duration second = retrier.retry(2, lost, () -> ran.add(3));
    Duration third = retrier.retry(3, lost, () -> ran.add(4));

    assertThat(first).isEqualTo(policy.backoff(1, Optional.empty(), sameSeed));
    assertThat(second).isEqualTo(policy.backoff(2, Optional.empty(), sameSeed));
    assertThat(third).isNull();
    assertThat(retrier.retries()).isEqualTo(2);
    assertThat(mailbox.pendingTimers()).isEqualTo(2);
    loop.runUntilIdle();
    assertThat(ran).containsExactly(2, 3);
    assertThat(loop.elapsed()).isEqualTo(second);
  }

  @Test
  void waitsAtLeastAsLongAsTheArrayAsks() {
    Duration wait = retrier.retry(1, new BusyException("busy", Duration.ofMinutes(5)), () -> {});

    assertThat(wait).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void anErrorThatIsNotRetryableIsNotTriedAgain() {
    assertThat(retrier.retry(1, new AccessDeniedException("no"), () -> ran.add(2))).isNull();
    assertThat(retrier.retry(1, new CopyFailedException(ContainerId.of("c"), "failed"), () -> {}))
        .isNull();
    assertThat(retrier.retry(1, null, () -> ran.add(2))).isNull();
    assertThat(retrier.retry(1, new IllegalStateException("bug"), () -> ran.add(2))).isNull();

    loop.runUntilIdle();
    assertThat(ran).isEmpty();
    assertThat(retrier.retries()).isZero();
    assertThat(mailbox.pendingTimers()).isZero();
  }

  @Test
  void aFailedCopyIsRemadeWhileAttemptsRemainAndEachRemakeIsARetry() {
    assertThat(retrier.remake(1)).isTrue();
    assertThat(retrier.remake(2)).isTrue();
    assertThat(retrier.remake(3)).isFalse();
    assertThat(retrier.retries()).isEqualTo(2);
  }

  @Test
  void aNewEpochDropsTheNextAttempt() {
    retrier.retry(1, new TransientArrayException("lost"), () -> ran.add(2));
    mailbox.newEpoch();
    loop.runUntilIdle();

    assertThat(ran).isEmpty();
    assertThat(retrier.retries()).isEqualTo(1);
  }
}
