package dev.goldcopy.sim;

import java.util.Comparator;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Shares the copy bandwidth among the physical copies in progress (processor sharing): with {@code
 * n} copies in progress each moves bytes at {@link LatencyModel#rateEach(int) rateEach(n)}.
 *
 * <p>Since every copy in progress moves at the same rate, one clock serves them all: the work
 * clock counts the bytes one stream has moved since the copies began. A copy that starts when the
 * clock reads {@code w} and has {@code b} bytes to move is done when it reads {@code w + b},
 * whatever the rate does meanwhile. A start or an end only moves the clock forward and changes its
 * rate; no other copy is touched. The copies wait in a heap by the clock reading they finish at, and
 * only the first of them has an event on the loop, so a change costs {@code O(log n)} for {@code n}
 * copies in progress.
 */
final class CopyBandwidth {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final Comparator<PhysicalCopy> BY_FINISH =
      Comparator.<PhysicalCopy>comparingDouble(c -> c.finishWork)
          .thenComparingLong(c -> c.sequence);

  private final EventLoop loop;
  private final LatencyModel latency;
  private final Consumer<PhysicalCopy> onFinished;
  private final IndexedHeap<PhysicalCopy> active = new IndexedHeap<>(BY_FINISH);
  /** Bytes one stream has moved since the array last had no copy in progress. */
  private double work;
  /** The rate each copy moves at now, bytes per second. */
  private double rate;
  private long updatedAt;
  private long sequence;
  private EventLoop.@Nullable Event next;

  CopyBandwidth(EventLoop loop, LatencyModel latency, Consumer<PhysicalCopy> onFinished) {
    this.loop = loop;
    this.latency = latency;
    this.onFinished = onFinished;
  }

  /** Starts moving {@code copy}'s bytes now. */
  void start(PhysicalCopy copy) {
    advance();
    copy.sequence = sequence++;
    copy.finishWork = work + copy.bytes;
    active.add(copy);
    reschedule();
  }

  /** Stops {@code copy} now without finishing it (an aborted copy). */
  void stop(PhysicalCopy copy) {
    advance();
    active.remove(copy);
    reschedule();
  }

  int active() {
    return active.size();
  }

  private void finish(PhysicalCopy copy) {
    next = null;
    advance();
    active.remove(copy);
    reschedule();
    onFinished.accept(copy);
  }

  /** Moves the work clock forward to now at the current rate. */
  private void advance() {
    long now = loop.now();
    if (!active.isEmpty()) {
      work += rate * (now - updatedAt) / NANOS_PER_SECOND;
    }
    updatedAt = now;
  }

  /** Sets the rate for the copies in progress now and schedules the first of them to finish. */
  private void reschedule() {
    EventLoop.Event scheduled = next;
    if (scheduled != null) {
      loop.cancel(scheduled);
      next = null;
    }
    PhysicalCopy first = active.peek();
    if (first == null) {
      work = 0;
      return;
    }
    rate = latency.rateEach(active.size());
    double remaining = Math.max(0, first.finishWork - work);
    long delay = (long) Math.ceil(remaining / rate * NANOS_PER_SECOND - 1e-3);
    next = loop.schedule(delay, () -> finish(first));
  }
}
