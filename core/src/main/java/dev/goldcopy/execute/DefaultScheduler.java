package dev.goldcopy.execute;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The scheduler used when none is given: one shared daemon thread on the system clock. */
final class DefaultScheduler implements Scheduler {
  static final DefaultScheduler INSTANCE = new DefaultScheduler();

  private static final System.Logger LOG = System.getLogger(DefaultScheduler.class.getName());

  private static final class Timer {
    static final ScheduledExecutorService TIMER = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "goldcopy-timer");
                t.setDaemon(true);
                return t;
              });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }

  private DefaultScheduler() {}

  @Override
  public void schedule(Duration delay, Runnable task) {
    Runnable logged =
        () -> {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "a scheduled Goldcopy task failed", e);
          }
        };
    // A task's failure is logged above, so the future holds nothing worth reading.
    var unused = Timer.TIMER.schedule(logged, Math.max(0L, delay.toNanos()), TimeUnit.NANOSECONDS);
  }
}
