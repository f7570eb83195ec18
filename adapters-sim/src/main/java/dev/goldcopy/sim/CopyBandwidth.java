package dev.goldcopy.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Shares the copy bandwidth among the physical copies in progress. A copy of source {@code s} on a
 * store owned by controller {@code k} moves bytes at
 *
 * <pre>min(perStream, aggregate / n(k), perSourceRead / n(s))</pre>
 *
 * where {@code n(k)} counts the copies in progress on controller {@code k} and {@code n(s)} those
 * reading {@code s} (the {@link LatencyModel}'s figures; without a read limit the last term is
 * absent). Each term is shared equally among the copies it applies to, and a copy moves at the
 * tightest of them; what a copy held back by its source leaves of the controller's share is not
 * handed to the others.
 *
 * <p>The copies of one source always move at the same rate, so one clock per source counts the
 * bytes each has moved: a copy that starts when its source's clock reads {@code w} with {@code b}
 * bytes to move is done when it reads {@code w + b}, whatever the rates do meanwhile. While the
 * controller's share is the tighter term, a source's clock is the controller's clock plus an offset
 * (see {@link SourceShare}), so a change of the controller's rate touches no source and no copy.
 * Only the copy that finishes first has an event on the loop. A start or an end therefore costs
 * {@code O(log n)}, plus the sources whose tighter term changes with it (none without a read
 * limit).
 */
final class CopyBandwidth {
  private static final double NANOS_PER_SECOND = 1e9;
  /** Float error of the clocks must not push an exact end into the next nanosecond. */
  private static final double ROUNDING_SLACK_NANOS = 1e-3;

  private static final Comparator<SourceShare> BY_FINISH_TIME =
      Comparator.<SourceShare>comparingLong(s -> s.finishAt)
          .thenComparingLong(s -> s.first().sequence);

  private final EventLoop loop;
  private final LatencyModel latency;
  private final double perSourceRead;
  private final Consumer<PhysicalCopy> onFinished;
  private final ControllerShare[] controllers;
  private final IndexedHeap<SourceShare> bound = new IndexedHeap<>(BY_FINISH_TIME);
  private final Map<SimContainer, SourceShare> shares = new HashMap<>();
  private int active;
  private long sequence;
  private EventLoop.@Nullable Event next;

  CopyBandwidth(
      EventLoop loop, LatencyModel latency, int controllers, Consumer<PhysicalCopy> onFinished) {
    this.loop = loop;
    this.latency = latency;
    this.perSourceRead = latency.perSourceReadBytesPerSecond();
    this.onFinished = onFinished;
    this.controllers = new ControllerShare[controllers];
    for (int i = 0; i < controllers; i++) {
      this.controllers[i] = new ControllerShare();
    }
  }

  /** Returns the nanoseconds {@code bytes} take at {@code rate}, rounded up. */
  static long nanosFor(double bytes, double rate) {
    return (long) Math.ceil(bytes / rate * NANOS_PER_SECOND - ROUNDING_SLACK_NANOS);
  }

  /** Starts moving {@code copy}'s bytes now. */
  void start(PhysicalCopy copy) {
    long now = loop.now();
    ControllerShare controller = controllers[copy.target.store.controller];
    controller.advance(now);
    SourceShare share = shares.computeIfAbsent(copy.source, s -> new SourceShare(s, controller));
    detach(share);
    share.settle(now);
    copy.sequence = sequence++;
    copy.share = share;
    copy.finishWork = share.workAt(now) + copy.bytes;
    share.copies.add(copy);
    controller.copies++;
    active++;
    changed(controller, share, now);
  }

  /** Stops {@code copy} now without finishing it (an aborted copy). */
  void stop(PhysicalCopy copy) {
    remove(copy);
  }

  int active() {
    return active;
  }

  private void finish(PhysicalCopy copy) {
    next = null;
    remove(copy);
    onFinished.accept(copy);
  }

  private void remove(PhysicalCopy copy) {
    SourceShare share = copy.share;
    if (share == null) {
      return;
    }
    long now = loop.now();
    ControllerShare controller = share.controller;
    controller.advance(now);
    detach(share);
    share.copies.remove(copy);
    share.settle(now);
    copy.share = null;
    controller.copies--;
    active--;
    changed(controller, share, now);
  }

  /** After a copy of {@code share} started or ended: new rates, keys and the next event. */
  private void changed(ControllerShare controller, SourceShare share, long now) {
    double oldRate = controller.rate;
    controller.rate = controller.copies == 0 ? 0 : latency.rateEach(controller.copies);
    if (share.copies.isEmpty()) {
      controller.unindex(share);
      shares.remove(share.source);
    } else {
      if (limited()) {
        controller.index(share);
      }
      share.setBound(isBound(controller, share), now);
      attach(share, now);
    }
    if (limited() && controller.rate != oldRate && controller.copies > 0) {
      rebalance(controller, oldRate, now);
    }
    if (controller.copies == 0) {
      controller.work = 0;
    }
    controller.refreshCandidate(now);
    reschedule(now);
  }

  private boolean limited() {
    return perSourceRead > 0;
  }

  private boolean isBound(ControllerShare controller, SourceShare share) {
    return limited() && perSourceRead / share.copies.size() < controller.rate;
  }

  /** Switches the sources whose tighter term changed with the controller's rate. */
  private void rebalance(ControllerShare controller, double oldRate, long now) {
    double before = oldRate == 0 ? 0 : perSourceRead / oldRate;
    double after = perSourceRead / controller.rate;
    int low = (int) Math.max(1, Math.floor(Math.min(before, after)));
    int high = (int) Math.min(Integer.MAX_VALUE - 1L, Math.ceil(Math.max(before, after)) + 1);
    List<SourceShare> candidates = new ArrayList<>();
    for (Set<SourceShare> bucket : controller.byCount.subMap(low, true, high, true).values()) {
      candidates.addAll(bucket);
    }
    for (SourceShare share : candidates) {
      boolean shouldBind = isBound(controller, share);
      if (shouldBind != share.bound) {
        detach(share);
        share.setBound(shouldBind, now);
        attach(share, now);
      }
    }
  }

  /** Takes {@code share} out of whichever heap holds it. */
  private void detach(SourceShare share) {
    if (share.inHeap()) {
      if (!share.controller.free.remove(share)) {
        bound.remove(share);
      }
    }
  }

  /** Computes {@code share}'s key and puts it in its heap; a bound share gets its rate anew. */
  private void attach(SourceShare share, long now) {
    detach(share);
    PhysicalCopy first = share.first();
    if (share.bound) {
      share.settle(now);
      share.rate = perSourceRead / share.copies.size();
      share.finishAt = now + nanosFor(Math.max(0, first.finishWork - share.work), share.rate);
      bound.add(share);
    } else {
      share.freeKey = first.finishWork - share.offset;
      share.controller.free.add(share);
    }
  }

  /** Gives the loop one event: the copy that finishes first, ties to the one started first. */
  private void reschedule(long now) {
    EventLoop.Event scheduled = next;
    if (scheduled != null) {
      loop.cancel(scheduled);
      next = null;
    }
    PhysicalCopy first = null;
    long at = Long.MAX_VALUE;
    for (ControllerShare c : controllers) {
      PhysicalCopy candidate = c.candidate;
      if (candidate != null && earlier(c.candidateAt, candidate, at, first)) {
        first = candidate;
        at = c.candidateAt;
      }
    }
    SourceShare firstBound = bound.peek();
    if (firstBound != null && earlier(firstBound.finishAt, firstBound.first(), at, first)) {
      first = firstBound.first();
      at = firstBound.finishAt;
    }
    if (first != null) {
      PhysicalCopy finishing = first;
      next = loop.schedule(Math.max(0, at - now), () -> finish(finishing));
    }
  }

  private static boolean earlier(
      long at, PhysicalCopy copy, long bestAt, @Nullable PhysicalCopy best) {
    return best == null || at < bestAt || (at == bestAt && copy.sequence < best.sequence);
  }
}
