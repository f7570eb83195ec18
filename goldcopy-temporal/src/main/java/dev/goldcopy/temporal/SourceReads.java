package dev.goldcopy.temporal;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.temporal.wire.CapabilitiesDto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The copies reading each source now, and which ready copy a round starts next: the workflow's
 * form of the in-process executor's dispatch rule. No source is read by more copies at once than
 * the array says it feeds at full rate ({@code fullRateCopiesPerSource}; any number when it does
 * not say), and among the copies that may start, the one whose source the fewest copies read goes
 * first (ties: the first in the round's order), so copies spread over every ready master and the
 * masters multiply as a fan-out tree. A copy already under way on the array (one being polled, or
 * one another run started) reads its source already and is never held back. Workflow state: the
 * map is only looked up, never iterated, so replays take the same decisions.
 */
final class SourceReads {
  private final int feeds;
  private final Map<String, Integer> reading = new HashMap<>();

  SourceReads(int feeds) {
    if (feeds < 1) {
      throw new IllegalArgumentException("feeds must be positive: " + feeds);
    }
    this.feeds = feeds;
  }

  /** The copies one source of an array with {@code caps} feeds at full rate. */
  static int feeds(CapabilitiesDto caps) {
    int declared = caps.fullRateCopiesPerSource();
    return ArrayCapabilities.isLimited(declared) ? declared : Integer.MAX_VALUE;
  }

  /** Notes that {@code copy} reads its source from now until {@link #ended}. */
  void started(StepNode copy) {
    if (!copy.reading) {
      copy.reading = true;
      reading.merge(source(copy), 1, Integer::sum);
    }
  }

  /** Notes that {@code copy} no longer reads its source (made, failed or abandoned). */
  void ended(StepNode copy) {
    if (copy.reading) {
      copy.reading = false;
      reading.computeIfPresent(source(copy), (s, n) -> n > 1 ? n - 1 : null);
    }
  }

  /** Returns how many copies read {@code source} now. */
  int reading(String source) {
    return reading.getOrDefault(source, 0);
  }

  /**
   * Returns the copy of {@code copies} (ready, in the round's order) to start next, or null if
   * none may start now.
   */
  @Nullable StepNode next(List<StepNode> copies) {
    StepNode best = null;
    int fewest = Integer.MAX_VALUE;
    for (StepNode c : copies) {
      if (c.reading) {
        return c;
      }
      int now = reading(source(c));
      if (now < feeds && now < fewest) {
        best = c;
        fewest = now;
      }
    }
    return best;
  }

  private static String source(StepNode copy) {
    String id = copy.sourceId;
    return id == null ? "" : id;
  }
}
