package dev.goldcopy.execute;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The serial task queue of one run. Every state change of the run is a task posted here, so the
 * run is single-threaded whatever threads the adapter, the executor and the scheduler use, and a
 * task posted while another runs (a stage that completes at once) queues instead of recursing.
 *
 * <p>Timers set with {@link #after} belong to the current epoch: {@link #newEpoch()} drops them all
 * at once (they still fire, and do nothing), and {@link #pendingTimers()} counts those still to
 * come. Once {@linkplain #abandon() abandoned}, the mailbox drops every task.
 */
final class Mailbox {
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final Executor executor;
  private final Scheduler scheduler;
  private final Consumer<Throwable> onBroken;
  private boolean draining;
  private volatile boolean abandoned;

  // Touched by tasks only.
  private int epoch;
  private int pendingTimers;

  /**
   * Creates a mailbox.
   *
   * @param executor where answers of array calls are handed off to
   * @param scheduler the timers' clock
   * @param onBroken told, on the draining thread, when a task throws; the queue goes on
   */
  Mailbox(Executor executor, Scheduler scheduler, Consumer<Throwable> onBroken) {
    this.executor = executor;
    this.scheduler = scheduler;
    this.onBroken = onBroken;
  }

  /** Runs {@code task} now if no task is running, else after the tasks queued before it. */
  void post(Runnable task) {
    synchronized (queue) {
      if (abandoned) {
        return;
      }
      queue.add(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    while (true) {
      Runnable next;
      synchronized (queue) {
        next = queue.poll();
        if (next == null || abandoned) {
          queue.clear();
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        // an error too (a listener's failed assertion, a stack overflow): let through, it would
        // leave the queue draining forever and the run waiting for a task that never ends
        onBroken.accept(e);
      }
    }
  }

  /** Posts {@code task} from a thread of the executor, or from this thread if it refuses. */
  void handOff(Runnable task) {
    try {
      executor.execute(() -> post(task));
    } catch (RejectedExecutionException e) {
      post(task);
    }
  }

  /** Posts {@code task} after {@code delay}, unless a new epoch has begun by then. */
  void after(Duration delay, Runnable task) {
    int at = epoch;
    pendingTimers++;
    scheduler.schedule(
        delay,
        () ->
            post(
                () -> {
                  if (at != epoch) {
                    return;
                  }
                  pendingTimers--;
                  task.run();
                }));
  }

  /** Posts {@code task} after {@code delay}, whatever the epoch; not counted as pending. */
  void schedule(Duration delay, Runnable task) {
    scheduler.schedule(delay, () -> post(task));
  }

  /** Begins a new epoch: the timers set so far will do nothing. */
  void newEpoch() {
    epoch++;
    pendingTimers = 0;
  }

  /** Returns how many timers of this epoch have yet to fire. */
  int pendingTimers() {
    return pendingTimers;
  }

  /** Drops every task from now on, queued or to come. */
  void abandon() {
    abandoned = true;
  }
}
