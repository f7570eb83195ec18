package dev.goldcopy.sim;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The simulation's virtual time and its queue of timed events. Events run in time order; events at
 * the same instant run in the order they were scheduled. A cancelled event leaves the queue at once
 * ({@code O(log n)}), so a simulation that reschedules often keeps no dead events. Not thread-safe:
 * {@link SimulatedArray} guards it.
 */
final class EventLoop {

  /** One timed event; {@link EventLoop#cancel(Event)} drops it. */
  static final class Event extends IndexedHeap.Node {
    final long time;
    final long sequence;
    final Runnable action;

    Event(long time, long sequence, Runnable action) {
      this.time = time;
      this.sequence = sequence;
      this.action = action;
    }
  }

  private static final Comparator<Event> ORDER =
      (a, b) -> {
        int byTime = Long.compare(a.time, b.time);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
      };

  private final IndexedHeap<Event> queue = new IndexedHeap<>(ORDER);
  private long now;
  private long sequence;

  /** Returns the virtual time, in nanoseconds since the simulation started. */
  long now() {
    return now;
  }

  /** Returns how many events are waiting (cancelled ones are gone). */
  int pending() {
    return queue.size();
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

  /**
   * Drops {@code event}: it will not run, and time will not move to it. Cancelling an event that
   * already ran or was cancelled does nothing.
   */
  void cancel(Event event) {
    queue.remove(event);
  }

  /** Runs the next event, advancing time to it; returns false if there was none. */
  boolean step() {
    Event next = queue.poll();
    if (next == null) {
      return false;
    }
    now = next.time;
    next.action.run();
    return true;
  }

  /**
   * Runs every event due at or before {@code time}, then advances time to it if it is later than
   * now.
   */
  void runUntil(long time) {
    while (true) {
      Event next = queue.peek();
      if (next == null || next.time > time) {
        break;
      }
      step();
    }
    if (time > now) {
      now = time;
    }
  }

  /** Returns whether no event is waiting. */
  boolean idle() {
    return queue.isEmpty();
  }

  /** Returns the next event without running it, or null if none is waiting. */
  @Nullable Event peek() {
    return queue.peek();
  }
}
