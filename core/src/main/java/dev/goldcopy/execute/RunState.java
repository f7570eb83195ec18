package dev.goldcopy.execute;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the stages of one run share: the phase it is in, how it is to end, the round it runs and
 * when it started. Touched by the run's {@link Mailbox} tasks only.
 */
final class RunState {
  /** The phases of a run, in the order it goes through them. */
  enum Phase {
    /** Taking the store's lease. */
    NEW,
    /** Reading the array. */
    OBSERVING,
    /** Issuing a round's steps. */
    RUNNING,
    /** Deleting what the run left half-made after a stop. */
    CLEANING,
    /** Reading the store once more before the result is assembled. */
    FINISHING,
    /** The result is complete and the lease given up. */
    DONE
  }

  private final Mailbox mailbox;
  /** How long the run may take, or null. */
  final @Nullable Duration deadline;
  Phase phase = Phase.NEW;
  final RunEnd end = new RunEnd();
  @Nullable Round round;
  @Nullable Instant startedAt;
  @Nullable Instant deadlineAt;

  RunState(Mailbox mailbox, @Nullable Duration deadline) {
    this.mailbox = mailbox;
    this.deadline = deadline;
  }

  /** Moves to {@code next}; the timers of the phase left behind do nothing when they fire. */
  void enter(Phase next) {
    phase = next;
    mailbox.newEpoch();
  }

  /** Returns whether the run is finishing or done: nothing is read, issued or cleaned any more. */
  boolean ending() {
    return phase == Phase.DONE || phase == Phase.FINISHING;
  }

  /** Returns whether a stop has been asked for. */
  boolean stopping() {
    return end.outcome != null;
  }
}
