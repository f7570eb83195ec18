package dev.goldcopy.sim;

import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.TransientArrayException;

/**
 * Carries copies through virtual time: a virtual copy is one event on the loop, a physical copy
 * moves its bytes in {@link CopyBandwidth}; when either ends, the container turns ready (or failed)
 * and the calls waiting for it are answered. Also stops copies: one deleted while being made, or
 * all of them when the array restarts. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class CopyProgress {
  private final EventLoop loop;
  private final SimInventory inventory;
  private final Answers answers;
  private final Recorder recorder;
  private final CopyBandwidth bandwidth;
  private final long cloneNanos;

  CopyProgress(
      EventLoop loop,
      SimInventory inventory,
      Answers answers,
      Recorder recorder,
      LatencyModel latency,
      int controllers) {
    this.loop = loop;
    this.inventory = inventory;
    this.answers = answers;
    this.recorder = recorder;
    this.bandwidth = new CopyBandwidth(loop, latency, controllers, this::physicalCopyFinished);
    this.cloneNanos = latency.cloneLatency().toNanos();
  }

  /** Starts moving the bytes of {@code replica}, a copy of {@code source}. */
  void startPhysical(SimContainer replica, SimContainer source, double bytes, boolean incomplete) {
    PhysicalCopy copy = new PhysicalCopy(replica, source, bytes, incomplete);
    replica.copy(copy);
    bandwidth.start(copy);
  }

  /** Schedules the end of making {@code clone}, the clone latency from now. */
  void startVirtual(SimContainer clone) {
    clone.completion(loop.schedule(cloneNanos, () -> virtualCopyFinished(clone)));
  }

  /**
   * Stops making {@code c}, which is being made: cancels its event or its data movement; the caller
   * sets its state and answers its waiters.
   */
  private void stop(SimContainer c) {
    EventLoop.Event completion = c.completion();
    if (completion != null) {
      loop.cancel(completion);
      c.completion(null);
      inventory.virtualCopiesInProgress--;
    }
    PhysicalCopy copy = c.copy();
    if (copy != null) {
      bandwidth.stop(copy);
      c.copy(null);
      inventory.physicalCopyEnded(copy.source);
    }
  }

  /**
   * Stops every copy in progress, as a restart of the controller does: each container being made is
   * left failed and its waiters are answered with a transient error.
   */
  void failAll() {
    for (SimContainer c : inventory.containers.values()) {
      if (c.state() != ContainerState.COPYING) {
        continue;
      }
      stop(c);
      c.setState(ContainerState.FAILED);
      answers.answerWaiters(c, null, new TransientArrayException("the array restarted"));
    }
  }

  /** Takes {@code c} off the array; if it was being made, stops it and its creates are aborted. */
  void remove(SimContainer c) {
    inventory.unlink(c);
    if (c.state() == ContainerState.COPYING) {
      stop(c);
      answers.answerWaiters(
          c, null, new CopyAbortedException(c.name(), c.id() + " was deleted while being made"));
    }
  }

  private void virtualCopyFinished(SimContainer clone) {
    clone.completion(null);
    inventory.virtualCopiesInProgress--;
    clone.setState(ContainerState.READY);
    answers.answerWaiters(clone, clone.view(), null);
  }

  private void physicalCopyFinished(PhysicalCopy copy) {
    SimContainer replica = copy.target;
    replica.copy(null);
    inventory.physicalCopyEnded(copy.source);
    if (copy.incomplete) {
      replica.setState(ContainerState.FAILED);
      recorder.fault(FaultKind.INCOMPLETE_COPY);
      answers.answerWaiters(
          replica,
          null,
          new CopyFailedException(
              replica.id(),
              "the copy of " + copy.source.id() + " into " + replica.id() + " stopped incomplete"));
    } else {
      replica.setState(ContainerState.READY);
      answers.answerWaiters(replica, replica.view(), null);
    }
  }
}
