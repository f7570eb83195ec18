package dev.goldcopy.execute;

import java.time.Duration;

/**
 * Runs a task after a delay. The executor uses it for retry back-off and its deadline; on the
 * simulated array pass {@code sim::schedule} so waits take virtual time and nothing sleeps.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Runs {@code task} once, {@code delay} from now.
   *
   * @param delay how long to wait; zero or more
   * @param task what to run
   */
  void schedule(Duration delay, Runnable task);
}
