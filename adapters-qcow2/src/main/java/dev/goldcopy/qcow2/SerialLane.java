package dev.goldcopy.qcow2;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks one at a time, in the order they were given, on a pool. The adapter's operations go
 * through one lane, so that an operation sees the effects of every call made before it returned
 * (a copy is listed by an inventory asked for after the create call), which taking turns at a lock
 * alone would not promise. They hold one lock anyway, so the lane costs no parallelism.
 */
final class SerialLane implements Executor {
  private final Executor pool;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean draining;

  SerialLane(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (queue) {
      queue.add(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      pool.execute(this::drain);
    } catch (RuntimeException e) {
      synchronized (queue) {
        queue.remove(task);
        draining = false;
      }
      throw e;
    }
  }

  private void drain() {
    while (true) {
      @Nullable Runnable next;
      synchronized (queue) {
        next = queue.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        // Tasks complete their own futures; one that throws must not stop the lane.
      }
    }
  }
}
