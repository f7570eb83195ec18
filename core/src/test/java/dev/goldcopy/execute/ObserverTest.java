package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ObserverTest {
  private final VirtualLoop loop = new VirtualLoop();
  private final FakeArray array = new FakeArray(loop, 4, 2);
  private final Mailbox mailbox = new Mailbox(Runnable::run, loop, e -> {});
  private final ArrayCalls calls = new ArrayCalls(array, array.store, mailbox, () -> true);
  private final Retrier retrier =
      new Retrier(
          RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).build(),
          mailbox);
  private final Observer observer = new Observer(calls, retrier);
  private final List<@Nullable Object> answers = new ArrayList<>();
  private final List<@Nullable Throwable> errors = new ArrayList<>();

  {
    array.createOrigin("golden");
  }

  private <T> ArrayCalls.Callback<T> record() {
    return (value, error) -> {
      answers.add(value);
      errors.add(error);
    };
  }

  @Test
  void aFailedObservationIsRetriedWhileWanted() {
    array.failNext("inventory", new TransientArrayException("timeout"));
    array.failNext("inventory", new TransientArrayException("timeout"));

    observer.observe(() -> true, record());
    loop.runUntilIdle();

    assertThat(answers).hasSize(1).allMatch(ArrayCalls.Observation.class::isInstance);
    assertThat(retrier.retries()).isEqualTo(2);
    assertThat(calls.failures()).isEqualTo(2);
  }

  @Test
  void anObservationNoLongerWantedIsNotRetried() {
    TransientArrayException timeout = new TransientArrayException("timeout");
    array.failNext("inventory", timeout);

    observer.observe(() -> false, record());
    loop.runUntilIdle();

    assertThat(answers).containsExactly((Object) null);
    assertThat(errors).containsExactly(timeout);
    assertThat(retrier.retries()).isZero();
  }

  @Test
  void theLastErrorIsAnsweredOnceTheAttemptsAreSpent() {
    for (int i = 0; i < 3; i++) {
      array.failNext("inventory", new TransientArrayException("timeout " + i));
    }

    observer.list(record());
    loop.runUntilIdle();

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).hasMessage("timeout 2");
    assertThat(retrier.retries()).isEqualTo(2);
  }

  @Test
  void aListingThatCannotSucceedIsNotRetried() {
    array.failNext("inventory", new AccessDeniedException("no"));

    observer.list(record());
    loop.runUntilIdle();

    assertThat(errors).singleElement().isInstanceOf(AccessDeniedException.class);
    assertThat(retrier.retries()).isZero();
  }

  @Test
  void aListingAnswersTheInventory() {
    observer.list(record());
    loop.runUntilIdle();

    assertThat(answers).singleElement().isInstanceOf(dev.goldcopy.spi.Inventory.class);
    assertThat(errors).containsExactly((Throwable) null);
  }
}
