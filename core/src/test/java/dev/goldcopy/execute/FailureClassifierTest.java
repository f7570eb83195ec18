package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.FailureClassifier.Verdict;
import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.TransientArrayException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(new BusyException("busy"), Verdict.RETRY, true, false),
        Arguments.of(new TransientArrayException("lost"), Verdict.RETRY, true, false),
        Arguments.of(
            new CopyFailedException(ContainerId.of("c"), "failed"), Verdict.REMAKE_COPY, true, false),
        Arguments.of(new ConflictException("exists"), Verdict.REPLAN, true, true),
        Arguments.of(new ContainerNotFoundException("gone"), Verdict.REPLAN, true, true),
        Arguments.of(
            new LimitReachedException(LimitReachedException.Scope.PER_SOURCE, 3, "full"),
            Verdict.REPLAN,
            true,
            true),
        Arguments.of(new AccessDeniedException("no"), Verdict.PERMANENT, false, false),
        Arguments.of(new InsufficientCapacityException("full"), Verdict.REPLAN, true, true),
        Arguments.of(new IllegalStateException("adapter bug"), Verdict.PERMANENT, false, false),
        Arguments.of(null, Verdict.PERMANENT, false, false));
  }

  @ParameterizedTest
  @MethodSource("table")
  void eachErrorHasItsVerdict(
      @Nullable Throwable error, Verdict verdict, boolean repeatable, boolean replan) {
    assertThat(FailureClassifier.classify(error)).isEqualTo(verdict);
    assertThat(verdict.repeatable).isEqualTo(repeatable);
    assertThat(verdict.replan).isEqualTo(replan);
    assertThat(FailureClassifier.retryable(error)).isEqualTo(verdict == Verdict.RETRY);
  }

  @ParameterizedTest
  @MethodSource("table")
  void describesTheErrorByTypeAndMessage(@Nullable Throwable error) {
    String text = FailureClassifier.describe(error);
    if (error == null) {
      assertThat(text).isEqualTo("unknown error");
    } else {
      assertThat(text).isEqualTo(error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }
}
