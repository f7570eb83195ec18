package dev.goldcopy.sim;

import java.util.Comparator;

/**
 * The physical copies in progress that read one source, and the clock of the work each of them has
 * done: they all move at the same rate, the smaller of their controller's share and the source's
 * read bandwidth split among them. Owned by {@link CopyBandwidth}.
 *
 * <p>While the controller's share is the smaller ({@code free}), the source's clock runs with the
 * controller's clock at a fixed {@code offset}, so a change of the controller's rate does not touch
 * it; while the source's read bandwidth is the smaller ({@code bound}), its clock runs on its own at
 * {@code rate}. The copies wait in a heap by the reading of this clock they finish at.
 */
final class SourceShare extends IndexedHeap.Node {
  static final Comparator<PhysicalCopy> BY_FINISH =
      Comparator.<PhysicalCopy>comparingDouble(c -> c.finishWork)
          .thenComparingLong(c -> c.sequence);

  private static final double NANOS_PER_SECOND = 1e9;

  final SimContainer source;
  final ControllerShare controller;
  final IndexedHeap<PhysicalCopy> copies = new IndexedHeap<>(BY_FINISH);
  /** Whether the source's read bandwidth, not the controller, sets the rate. */
  boolean bound;
  /** Free: this clock minus the controller's. */
  double offset;
  /** Bound: the clock's reading at {@code updatedAt}, and its rate in bytes per second. */
  double work;
  long updatedAt;
  double rate;
  /** Free: the controller clock's reading at which the first copy finishes. */
  double freeKey;
  /** Bound: the instant the first copy finishes. */
  long finishAt;
  /** The bucket of the controller's index by copy count this share is in; 0 for none. */
  int bucket;

  SourceShare(SimContainer source, ControllerShare controller) {
    this.source = source;
    this.controller = controller;
  }

  /** The clock's reading at {@code now}; the controller's clock must be advanced to now. */
  double workAt(long now) {
    return bound ? work + rate * (now - updatedAt) / NANOS_PER_SECOND : controller.work + offset;
  }

  /** Brings a bound clock's reading to {@code now} at its current rate. */
  void settle(long now) {
    if (bound) {
      work = workAt(now);
      updatedAt = now;
    }
  }

  /** Switches between free and bound at {@code now}, keeping the clock's reading. */
  void setBound(boolean value, long now) {
    if (value == bound) {
      return;
    }
    double reading = workAt(now);
    bound = value;
    if (value) {
      work = reading;
      updatedAt = now;
    } else {
      offset = reading - controller.work;
    }
  }

  /** The copy that finishes first; the share must have one. */
  PhysicalCopy first() {
    PhysicalCopy first = copies.peek();
    if (first == null) {
      throw new IllegalStateException("no copy reads " + source.id());
    }
    return first;
  }
}
