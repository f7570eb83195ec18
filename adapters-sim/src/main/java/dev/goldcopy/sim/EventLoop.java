package dev.goldcopy.sim;

import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The simulation's virtual time and its queue of timed events. Events run in time order; events at
 * the same instant run in the order they were scheduled. A cancelled event is dropped without
 * moving time. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class EventLoop {

  /** One timed event; {@link #cancel()} drops it. */
  static final class Event implements Comparable<Event> {
    final long time;
    final long sequence;
    final Runnable action;
    private boolean cancelled;

    Event(long time, long sequence, Runnable action) {
      this.time = time;
      this.sequence = sequence;
      this.action = action;
    }

    /** Drops the event: it will not run, and time will not move to it. */
    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Event other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long sequence;

  /** Returns the virtual time, in nanoseconds since the simulation started. */
  long now() {
    return now;
  }

  /** Schedules {@code action} to run {@code delayNanos} from now and returns its handle. */
  Event schedule(long delayNanos, Runnable action) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delay must not be negative: " + delayNanos);
    }
    long time = delayNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayNanos;
    Event event = new Event(time, sequence++, action);
    queue.add(event);
    return event;
  }

  /** Runs the next live event, advancing time to it; returns false if there was none. */
  boolean step() {
    Event next = nextLive();
    if (next == null) {
      return false;
    }
    queue.poll();
    now = next.time;
    next.action.run();
    return true;
  }

  /**
   * Runs every live event due at or before {@code time}, then advances time to it if it is later
   * than now.
   */
  void runUntil(long time) {
    while (true) {
      Event next = nextLive();
      if (next == null || next.time > time) {
        break;
      }
      step();
    }
    if (time > now) {
      now = time;
    }
  }

  /** Returns whether no live event is waiting. */
  boolean idle() {
    return nextLive() == null;
  }

  /** Drops cancelled events at the head and returns the next live one, left in the queue. */
  private @Nullable Event nextLive() {
    Event head = queue.peek();
    while (head != null && head.cancelled) {
      queue.poll();
      head = queue.peek();
    }
    return head;
  }
}
