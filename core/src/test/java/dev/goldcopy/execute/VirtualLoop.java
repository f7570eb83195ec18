package dev.goldcopy.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A tiny single-threaded discrete-event loop on virtual time, for the unit tests' fake array. */
final class VirtualLoop implements Scheduler {
  private record Event(Instant at, long seq, Runnable task) {}

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) -> a.at().equals(b.at()) ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
  private final Instant start = Instant.parse("2026-11-25T00:00:00Z");
  private Instant now = start;
  private long seq;

  @Override
  public void schedule(Duration delay, Runnable task) {
    queue.add(new Event(now.plus(delay), seq++, task));
  }

  Instant now() {
    return now;
  }

  Duration elapsed() {
    return Duration.between(start, now);
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }

  boolean step() {
    Event e = queue.poll();
    if (e == null) {
      return false;
    }
    now = e.at();
    e.task().run();
    return true;
  }

  /** Runs events until none is left. */
  void runUntilIdle() {
    while (step()) {
      // keep going
    }
  }

  /** Runs events until {@code future} completes or nothing is left, then returns its value. */
  <T> T await(CompletableFuture<T> future) {
    while (!future.isDone() && step()) {
      // keep going
    }
    if (!future.isDone()) {
      throw new AssertionError("the loop went idle before the future completed");
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      throw new AssertionError("the future failed", e);
    }
  }
}
