package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class MailboxTest {
  private final VirtualLoop loop = new VirtualLoop();
  private final List<Throwable> broken = new ArrayList<>();
  private final Mailbox mailbox = new Mailbox(Runnable::run, loop, broken::add);
  private final List<String> log = new ArrayList<>();

  @Test
  void aTaskPostedFromATaskRunsAfterItNotInsideIt() {
    mailbox.post(
        () -> {
          log.add("outer begins");
          mailbox.post(() -> log.add("inner"));
          log.add("outer ends");
        });

    assertThat(log).containsExactly("outer begins", "outer ends", "inner");
  }

  @Test
  void aTaskThatThrowsIsReportedAndTheQueueGoesOn() {
    IllegalStateException boom = new IllegalStateException("boom");
    mailbox.post(
        () -> {
          mailbox.post(() -> log.add("next"));
          throw boom;
        });

    assertThat(broken).containsExactly(boom);
    assertThat(log).containsExactly("next");
  }

  @Test
  void aTaskThatThrowsAnErrorIsReportedAndTheQueueGoesOn() {
    AssertionError failed = new AssertionError("a listener's check");
    mailbox.post(
        () -> {
          mailbox.post(() -> log.add("next"));
          throw failed;
        });
    mailbox.post(() -> log.add("later"));

    assertThat(broken).containsExactly(failed);
    assertThat(log).containsExactly("next", "later");
  }

  @Test
  void timersOfAnEarlierEpochDoNothing() {
    mailbox.post(
        () -> {
          mailbox.after(Duration.ofSeconds(1), () -> log.add("old"));
          mailbox.newEpoch();
          mailbox.after(Duration.ofSeconds(2), () -> log.add("new"));
        });
    assertThat(mailbox.pendingTimers()).isEqualTo(1);

    loop.runUntilIdle();

    assertThat(log).containsExactly("new");
    assertThat(mailbox.pendingTimers()).isZero();
  }

  @Test
  void aScheduledTaskRunsWhateverTheEpoch() {
    mailbox.schedule(Duration.ofSeconds(5), () -> log.add("deadline"));
    mailbox.newEpoch();
    assertThat(mailbox.pendingTimers()).isZero();

    loop.runUntilIdle();

    assertThat(log).containsExactly("deadline");
    assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anAbandonedMailboxDropsEverything() {
    mailbox.after(Duration.ofSeconds(1), () -> log.add("timer"));
    mailbox.abandon();
    mailbox.post(() -> log.add("task"));
    loop.runUntilIdle();

    assertThat(log).isEmpty();
  }

  @Test
  void aHandOffTheExecutorRefusesRunsOnTheCallingThread() {
    Mailbox refusing =
        new Mailbox(
            task -> {
              throw new RejectedExecutionException("shut down");
            },
            loop,
            broken::add);

    refusing.handOff(() -> log.add("ran"));

    assertThat(log).containsExactly("ran");
  }

  @Test
  void aHandOffGoesThroughTheExecutor() {
    List<Runnable> handedOff = new ArrayList<>();
    Mailbox queued = new Mailbox(handedOff::add, loop, broken::add);

    queued.handOff(() -> log.add("ran"));
    assertThat(log).isEmpty();
    handedOff.get(0).run();

    assertThat(log).containsExactly("ran");
  }
}
