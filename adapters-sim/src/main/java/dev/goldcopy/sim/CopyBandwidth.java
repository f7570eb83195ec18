package dev.goldcopy.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shares the copy bandwidth among the physical copies in progress (processor sharing): each moves
 * bytes at {@link LatencyModel#rateEach(int)}, and whenever a copy starts or ends the others'
 * remaining bytes and finishing times are recomputed.
 */
final class CopyBandwidth {
  private static final double NANOS_PER_SECOND = 1e9;

  private final EventLoop loop;
  private final LatencyModel latency;
  private final Consumer<PhysicalCopy> onFinished;
  private final List<PhysicalCopy> active = new ArrayList<>();

  CopyBandwidth(EventLoop loop, LatencyModel latency, Consumer<PhysicalCopy> onFinished) {
    this.loop = loop;
    this.latency = latency;
    this.onFinished = onFinished;
  }

  /** Starts moving {@code copy}'s bytes now. */
  void start(PhysicalCopy copy) {
    advance();
    active.add(copy);
    reschedule();
  }

  /** Stops {@code copy} now without finishing it (an aborted copy). */
  void stop(PhysicalCopy copy) {
    advance();
    active.remove(copy);
    cancelCompletion(copy);
    reschedule();
  }

  int active() {
    return active.size();
  }

  private void finish(PhysicalCopy copy) {
    copy.completion = null;
    advance();
    active.remove(copy);
    copy.remainingBytes = 0;
    reschedule();
    onFinished.accept(copy);
  }

  /** Moves every active copy's bytes forward to now at its current rate. */
  private void advance() {
    long now = loop.now();
    for (PhysicalCopy c : active) {
      double moved = c.bytesPerSecond * (now - c.updatedAt) / NANOS_PER_SECOND;
      c.remainingBytes = Math.max(0, c.remainingBytes - moved);
      c.updatedAt = now;
    }
  }

  /** Gives every active copy its new share and schedules its finishing time. */
  private void reschedule() {
    if (active.isEmpty()) {
      return;
    }
    double rate = latency.rateEach(active.size());
    for (PhysicalCopy c : active) {
      c.bytesPerSecond = rate;
      cancelCompletion(c);
      long delay = (long) Math.ceil(c.remainingBytes / rate * NANOS_PER_SECOND);
      c.completion = loop.schedule(delay, () -> finish(c));
    }
  }

  private static void cancelCompletion(PhysicalCopy copy) {
    EventLoop.Event completion = copy.completion;
    if (completion != null) {
      completion.cancel();
      copy.completion = null;
    }
  }
}
