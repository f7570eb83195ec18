package dev.goldcopy.execute;

import dev.goldcopy.spi.ContainerId;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The physical copies of a round that are ready to start, by source, and the copies reading each
 * source now. It hands out the next copy to start under two rules:
 *
 * <ul>
 *   <li>no source is read by more copies at once than it feeds at full rate (the array's {@code
 *       fullRateCopiesPerSource}, or any number when the array does not say), so a copy never
 *       starts only to share its source's read bandwidth with the copies already reading it;
 *   <li>among the sources with room, the one the fewest copies read now goes first (ties: the copy
 *       queued first, a retry before the rest), so copies spread over every ready master and the
 *       masters multiply as a fan-out tree rather than queue behind the origin.
 * </ul>
 *
 * <p>A source is only ever held back while a copy reads it, so a copy queued here always starts
 * once a copy of its source ends. Each operation costs {@code O(log s)} for {@code s} sources.
 */
final class CopyQueue {
  /** One source: the copies waiting to read it, and how many read it now. */
  private static final class Source {
    final ContainerId id;
    /** Breaks ties between sources whose keys are equal otherwise; unique. */
    final long order;

    final ArrayDeque<StepNode> waiting = new ArrayDeque<>(2);
    final ArrayDeque<Long> tickets = new ArrayDeque<>(2);
    int reading;

    Source(ContainerId id, long order) {
      this.id = id;
      this.order = order;
    }

    long head() {
      Long t = tickets.peekFirst();
      return t == null ? Long.MAX_VALUE : t;
    }
  }

  private static final Comparator<Source> NEXT =
      Comparator.<Source>comparingInt(s -> s.reading)
          .thenComparingLong(Source::head)
          .thenComparingLong(s -> s.order);

  private final int feeds;
  private final Map<ContainerId, Source> sources = new HashMap<>();
  /** The sources with a copy waiting and room for another reader, the next to serve first. */
  private final TreeSet<Source> open = new TreeSet<>(NEXT);

  private long nextTicket;
  private long nextFirstTicket = -1;
  private long nextOrder;
  private int queued;

  /**
   * A queue for sources that each feed {@code feeds} copies at full rate.
   *
   * @param feeds the copies one source feeds; {@link Integer#MAX_VALUE} for any number
   * @throws IllegalArgumentException if {@code feeds} is not positive
   */
  CopyQueue(int feeds) {
    if (feeds < 1) {
      throw new IllegalArgumentException("feeds must be positive: " + feeds);
    }
    this.feeds = feeds;
  }

  /**
   * Queues {@code copy}, which reads {@code source}, behind the copies queued before it; or ahead
   * of every copy queued so far when {@code first} (a retry).
   */
  void add(StepNode copy, ContainerId source, boolean first) {
    Source s = sources.computeIfAbsent(source, id -> new Source(id, nextOrder++));
    open.remove(s);
    if (first) {
      s.waiting.addFirst(copy);
      s.tickets.addFirst(nextFirstTicket--);
    } else {
      s.waiting.addLast(copy);
      s.tickets.addLast(nextTicket++);
    }
    queued++;
    reindex(s);
  }

  /**
   * Takes the next copy to start, if a source with a waiting copy has room for another reader;
   * the caller notes the start with {@link #started}.
   *
   * @return the copy, or null if none may start now
   */
  @Nullable StepNode poll() {
    Source s = open.pollFirst();
    if (s == null) {
      return null;
    }
    StepNode copy = s.waiting.pollFirst();
    s.tickets.pollFirst();
    queued--;
    reindex(s);
    return copy;
  }

  /** Notes a copy that reads {@code source} now: one this queue handed out, or another. */
  void started(ContainerId source) {
    Source s = sources.computeIfAbsent(source, id -> new Source(id, nextOrder++));
    open.remove(s);
    s.reading++;
    reindex(s);
  }

  /** Notes that a copy reading {@code source} ended, whatever its outcome. */
  void ended(ContainerId source) {
    Source s = sources.get(source);
    if (s == null || s.reading == 0) {
      return;
    }
    open.remove(s);
    s.reading--;
    reindex(s);
  }

  /** Returns how many copies read {@code source} now. */
  int reading(ContainerId source) {
    Source s = sources.get(source);
    return s == null ? 0 : s.reading;
  }

  /** Returns how many copies wait. */
  int queued() {
    return queued;
  }

  /** Puts {@code s}, out of {@link #open}, back where it belongs, or forgets it when idle. */
  private void reindex(Source s) {
    if (s.waiting.isEmpty()) {
      if (s.reading == 0) {
        sources.remove(s.id);
      }
    } else if (s.reading < feeds) {
      open.add(s);
    }
  }
}
