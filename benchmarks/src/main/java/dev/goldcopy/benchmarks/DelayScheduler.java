package dev.goldcopy.benchmarks;

import java.time.Duration;

/**
 * Runs a task after a delay on the clock the array runs on. On the simulated array this is {@code
 * sim::schedule}, so waiting costs virtual time and no wall time.
 */
@FunctionalInterface
public interface DelayScheduler {

  /**
   * Runs {@code task} once, {@code delay} from now.
   *
   * @param delay how long to wait; zero or more
   * @param task what to run
   * @throws NullPointerException if an argument is null
   */
  void schedule(Duration delay, Runnable task);
}
