package dev.goldcopy.sim;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One controller's part of {@link CopyBandwidth}: the copies in progress on the stores it owns
 * share its bandwidth, each at {@link LatencyModel#rateEach(int)} of their count, and its clock
 * counts the bytes one of them has moved since it was last idle.
 */
final class ControllerShare {
  private static final double NANOS_PER_SECOND = 1e9;
  static final Comparator<SourceShare> BY_FREE_KEY =
      Comparator.<SourceShare>comparingDouble(s -> s.freeKey)
          .thenComparingLong(s -> s.first().sequence);

  /** Copies in progress on this controller. */
  int copies;
  /** Bytes per second each of them gets from the controller. */
  double rate;
  /** Bytes one copy has moved at {@code rate} since the controller was last idle. */
  double work;
  long updatedAt;
  /** The sources whose copies move at the controller's rate, by when their first copy finishes. */
  final IndexedHeap<SourceShare> free = new IndexedHeap<>(BY_FREE_KEY);
  /** Every source with copies in progress, by its count of copies (kept only with a read limit). */
  final TreeMap<Integer, Set<SourceShare>> byCount = new TreeMap<>();
  /** When and with which copy the first free source's first copy finishes; null if none. */
  long candidateAt;
  @Nullable PhysicalCopy candidate;

  /** Moves the clock forward to {@code now} at the current rate. */
  void advance(long now) {
    if (copies > 0) {
      work += rate * (now - updatedAt) / NANOS_PER_SECOND;
    }
    updatedAt = now;
  }

  /** Files {@code share} under its count of copies. */
  void index(SourceShare share) {
    int count = share.copies.size();
    if (share.bucket == count) {
      return;
    }
    unindex(share);
    if (count > 0) {
      byCount.computeIfAbsent(count, c -> new LinkedHashSet<>()).add(share);
      share.bucket = count;
    }
  }

  /** Removes {@code share} from the index by count. */
  void unindex(SourceShare share) {
    if (share.bucket == 0) {
      return;
    }
    Set<SourceShare> bucket = byCount.get(share.bucket);
    if (bucket != null) {
      bucket.remove(share);
      if (bucket.isEmpty()) {
        byCount.remove(share.bucket);
      }
    }
    share.bucket = 0;
  }

  /** Works out when the first copy of the free sources finishes, from {@code now}. */
  void refreshCandidate(long now) {
    SourceShare first = free.peek();
    if (first == null) {
      candidate = null;
      return;
    }
    double remaining = Math.max(0, first.freeKey - work);
    candidateAt = now + CopyBandwidth.nanosFor(remaining, rate);
    candidate = first.first();
  }
}
