package dev.goldcopy.sim;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Begins the calls the simulated array receives and answers them: at once or after a delay on the
 * event loop, with a success, an error, or a lost answer, each recorded. A call that began before
 * the array restarted loses its answer. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class Answers {
  private final EventLoop loop;
  private final Recorder recorder;
  private final long responseNanos;
  /** How many times the array restarted. */
  private int restarts;

  Answers(EventLoop loop, Recorder recorder, long responseNanos) {
    this.loop = loop;
    this.recorder = recorder;
    this.responseNanos = responseNanos;
  }

  /** Counts a restart: every call begun before it loses its answer. */
  void restarted() {
    restarts++;
  }

  /** The latency of an answer from the array's controller. */
  long responseNanos() {
    return responseNanos;
  }

  <T> PendingCall<T> begin(
      Operation operation, StoreRef store, @Nullable ContainerId subject, @Nullable String name) {
    PendingCall<T> call = new PendingCall<>(operation, store, subject, name, loop.now());
    call.restarts = restarts;
    return call;
  }

  static <T> CompletionStage<T> stage(PendingCall<T> call) {
    return call;
  }

  /** Answers {@code call} with {@code error} after the response latency. */
  <T> CompletionStage<T> refuse(PendingCall<T> call, ArrayException error) {
    answerAfter(call, responseNanos, null, error);
    return stage(call);
  }

  /** Answers, at once, every call waiting for {@code c} to be made. */
  void answerWaiters(SimContainer c, @Nullable Container value, @Nullable ArrayException error) {
    List<PendingCall<Container>> waiting = c.takeWaiters();
    for (PendingCall<Container> call : waiting) {
      answerAfter(call, 0, value, error);
    }
  }

  /** Answers {@code call} after {@code delayNanos} plus its latency spike, at once if both are 0. */
  <T> void answerAfter(
      PendingCall<T> call, long delayNanos, @Nullable T value, @Nullable ArrayException error) {
    long delay = delayNanos + call.spikeNanos;
    if (delay == 0) {
      answer(call, value, error);
    } else {
      loop.schedule(delay, () -> answer(call, value, error));
    }
  }

  private <T> void answer(PendingCall<T> call, @Nullable T value, @Nullable ArrayException error) {
    if (call.restarts != restarts) {
      recorder.call(call, CallOutcome.LOST_RESPONSE);
      call.fail(
          new TransientArrayException(
              "the array restarted before answering " + call.operation + " " + describe(call)));
    } else if (error != null) {
      recorder.call(call, CallOutcome.of(error));
      call.fail(error);
    } else if (call.lost) {
      recorder.fault(FaultKind.LOST_RESPONSE);
      recorder.call(call, CallOutcome.LOST_RESPONSE);
      call.fail(
          new TransientArrayException(
              "the answer to " + call.operation + " " + describe(call) + " was lost"));
    } else {
      recorder.call(call, CallOutcome.SUCCEEDED);
      call.succeed(value);
    }
  }

  private static String describe(PendingCall<?> call) {
    StringBuilder b = new StringBuilder().append(call.store);
    if (call.subject != null) {
      b.append(' ').append(call.subject);
    }
    if (call.name != null) {
      b.append(" as ").append(call.name);
    }
    return b.toString();
  }
}
