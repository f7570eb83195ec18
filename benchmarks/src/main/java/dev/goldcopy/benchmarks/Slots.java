package dev.goldcopy.benchmarks;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A counting semaphore for callbacks on one event loop: at most {@code limit} tasks run at once,
 * the others wait in order. A task takes a slot when it starts and gives it back with {@link
 * #release()} when its asynchronous work ends (possibly at once, from inside the task: the queue is
 * then drained by the outer call, not by recursion).
 *
 * <p>Threading: meant for the simulated array's single event loop; not safe for tasks that
 * complete on several threads at once.
 */
final class Slots {
  private final int limit;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int inUse;
  private boolean draining;

  /**
   * Creates the slots.
   *
   * @param limit how many tasks may run at once; {@code 0} or less means no limit
   */
  Slots(int limit) {
    this.limit = limit > 0 ? limit : Integer.MAX_VALUE;
  }

  /** Runs {@code task} when a slot is free, in the order submitted. */
  void submit(Runnable task) {
    waiting.add(task);
    drain();
  }

  /** Gives back the slot of a task whose work ended. */
  void release() {
    if (inUse == 0) {
      throw new IllegalStateException("no slot is taken");
    }
    inUse--;
    drain();
  }

  /** Returns how many tasks hold a slot now. */
  int inUse() {
    return inUse;
  }

  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (inUse < limit && !waiting.isEmpty()) {
        inUse++;
        waiting.poll().run();
      }
    } finally {
      draining = false;
    }
  }
}
