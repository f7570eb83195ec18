package dev.goldcopy.sim;

import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Draws the faults of the {@link FaultPlan} in force from the simulation's one seeded generator:
 * busy refusals, read faults, lost answers, latency spikes and incomplete copies. Every draw is
 * made in the order the calls arrive, so one seed gives one run. Not thread-safe: {@link
 * SimulatedArray} guards it.
 */
final class FaultInjector {
  private static final double INCOMPLETE_MIN_FRACTION = 0.1;
  private static final double INCOMPLETE_FRACTION_SPAN = 0.8;

  private final SplittableRandom random;
  private final Recorder recorder;
  private final Answers answers;
  private final @Nullable Duration busyRetryAfter;
  private FaultPlan faults;

  FaultInjector(
      long seed,
      FaultPlan faults,
      @Nullable Duration busyRetryAfter,
      Recorder recorder,
      Answers answers) {
    this.random = new SplittableRandom(seed);
    this.faults = faults;
    this.busyRetryAfter = busyRetryAfter;
    this.recorder = recorder;
    this.answers = answers;
  }

  FaultPlan plan() {
    return faults;
  }

  void setPlan(FaultPlan plan) {
    this.faults = plan;
  }

  /** The wait the array suggests when it answers busy, if any. */
  @Nullable Duration busyRetryAfter() {
    return busyRetryAfter;
  }

  /** Refuses {@code call} as busy if the plan's rate says so; returns whether it did. */
  boolean injectBusy(PendingCall<?> call) {
    if (!draw(faults.transientBusyRate())) {
      return false;
    }
    recorder.fault(FaultKind.TRANSIENT_BUSY);
    answers.refuse(call, new BusyException("the array is busy (simulated)", busyRetryAfter));
    return true;
  }

  /** Fails a read with a timeout if the plan's rate says so; returns whether it did. */
  boolean injectReadFault(PendingCall<?> call) {
    if (!draw(faults.readFaultRate())) {
      return false;
    }
    recorder.fault(FaultKind.READ_FAULT);
    answers.refuse(call, new TransientArrayException("the read timed out (simulated)"));
    return true;
  }

  /** Draws whether the answer to an accepted call is lost, and its latency spike. */
  void drawAnswerFaults(PendingCall<?> call) {
    call.lost = draw(faults.lostResponseRate());
    if (draw(faults.latencySpikeRate())) {
      call.spikeNanos = SimulatedArray.saturatedNanos(faults.latencySpike());
      recorder.fault(FaultKind.LATENCY_SPIKE);
    }
  }

  /** Draws whether a physical copy is to stop incomplete. */
  boolean drawIncompleteCopy() {
    return draw(faults.incompleteCopyRate());
  }

  /** Draws the fraction of its bytes an incomplete copy moves: between 10 % and 90 %. */
  double drawIncompleteFraction() {
    return INCOMPLETE_MIN_FRACTION + INCOMPLETE_FRACTION_SPAN * random.nextDouble();
  }

  private boolean draw(double rate) {
    return rate > 0 && random.nextDouble() < rate;
  }
}
