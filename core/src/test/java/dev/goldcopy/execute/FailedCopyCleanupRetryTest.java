package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The delete that clears a failed physical copy before it is made again is retried like every
 * other call: a busy answer or a lost response on it no longer fails the replica and the clones
 * that wait for it.
 */
class FailedCopyCleanupRetryTest {
  private static final String REPLICA = "win11-2026.11-r1";

  private final VirtualLoop loop = new VirtualLoop();
  private final FakeArray array = new FakeArray(loop, 4, 2);
  private final List<ExecutionEvent> events = new ArrayList<>();

  FailedCopyCleanupRetryTest() {
    array.createOrigin("golden");
  }

  /** The first copy of the replica ends FAILED; the delete that clears it answers {@code error}. */
  private ExecutionResult runWithFailedCopyAndDeleteAnswering(
      int times, Supplier<ArrayException> error, ErrorPolicy policy) {
    array.failCopy(REPLICA, 1);
    ExecutionListener scriptDeleteFailure =
        event -> {
          if (event instanceof ExecutionEvent.StepRetried r
              && r.error() instanceof CopyFailedException
              && events.stream().noneMatch(ExecutionEvent.StepRetried.class::isInstance)) {
            for (int i = 0; i < times; i++) {
              array.failNext(REPLICA, error.get());
            }
          }
        };
    ReplicationExecutor executor =
        ReplicationExecutor.builder(array)
            .planFunction(new TinyPlanner())
            .executor(Runnable::run)
            .scheduler(loop)
            .clock(loop.clock())
            .errorPolicy(policy)
            .retryPolicy(
                RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofSeconds(1)).seed(7).build())
            .listener(scriptDeleteFailure)
            .listener(events::add)
            .build();
    return loop.await(executor.start(array.store, SimScenario.demand(8)).result());
  }

  @Test
  void aBusyAnswerOnTheDeleteOfAFailedCopyIsRetriedAndTheReplicaIsMade() {
    ExecutionResult r =
        runWithFailedCopyAndDeleteAnswering(
            1, () -> new BusyException("busy", Duration.ofSeconds(5)), ErrorPolicy.STOP_AT_FIRST_ERROR);

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(events).noneMatch(ExecutionEvent.StepFailed.class::isInstance);
    assertThat(array.callsOn("delete", REPLICA)).isEqualTo(2);
    assertThat(array.callsOn("copy", REPLICA)).isEqualTo(2);
    assertThat(requireNonNull(array.find(REPLICA)).state()).isEqualTo(ContainerState.READY);
    assertThat(r.vms().values()).allMatch(VmOutcome.Provisioned.class::isInstance);
    // the remade copy, and the retried delete
    assertThat(r.totals().retries()).isEqualTo(2);
    assertThat(r.totals().rounds()).isEqualTo(2);
    // the second delete waited at least as long as the array asked
    List<FakeArray.Call> deletes =
        array.calls.stream()
            .filter(c -> c.operation().equals("delete") && c.name().equals(REPLICA))
            .toList();
    assertThat(Duration.between(deletes.get(0).at(), deletes.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aLostResponseOnTheDeleteOfAFailedCopyIsRetried() {
    ExecutionResult r =
        runWithFailedCopyAndDeleteAnswering(
            2, () -> new TransientArrayException("lost"), ErrorPolicy.CONTINUE);

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(events).noneMatch(ExecutionEvent.StepFailed.class::isInstance);
    assertThat(array.callsOn("delete", REPLICA)).isEqualTo(3);
    assertThat(r.totals().rounds()).isEqualTo(2);
  }

  @Test
  void aDeleteThatStaysBusyPastTheAttemptsStillFailsTheStepWithTheReason() {
    ExecutionResult r =
        runWithFailedCopyAndDeleteAnswering(
            4, () -> new BusyException("busy", Duration.ofSeconds(1)), ErrorPolicy.STOP_AT_FIRST_ERROR);

    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    // four attempts while remaking the copy, then the clean-up after the stop clears it
    assertThat(array.calls)
        .filteredOn(c -> c.operation().equals("delete") && c.name().equals(REPLICA))
        .extracting(FakeArray.Call::outcome)
        .containsExactly("scripted", "scripted", "scripted", "scripted", "ok");
    assertThat(array.find(REPLICA)).isNull();
    assertThat(events)
        .filteredOn(ExecutionEvent.StepFailed.class::isInstance)
        .map(e -> ((ExecutionEvent.StepFailed) e).why())
        .first()
        .asString()
        .startsWith("could not delete the failed copy " + REPLICA + ": BusyException");
  }
}
