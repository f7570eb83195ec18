package dev.goldcopy.test;

import java.util.SplittableRandom;

/**
 * One seed for a simulated run: the simulator's random choices and the executor's retry jitter
 * both derive from it, so a test that prints one number can be replayed exactly.
 */
public final class Seeds {
  /** The system property that replays a seed: {@code -Dgoldcopy.seed=N}. */
  public static final String PROPERTY = "goldcopy.seed";

  private Seeds() {}

  /**
   * Returns the simulator's seed for run seed {@code seed}: the seed itself.
   *
   * @param seed the run's seed
   * @return the seed of {@link dev.goldcopy.sim.SimulatedArray.Builder#seed(long)}
   */
  public static long simulator(long seed) {
    return seed;
  }

  /**
   * Returns the retry policy's jitter seed for run seed {@code seed}: another stream of the same
   * seed, so that retries do not echo the simulator's draws.
   *
   * @param seed the run's seed
   * @return the seed of {@link dev.goldcopy.execute.RetryPolicy.Builder#seed(long)}
   */
  public static long retry(long seed) {
    return new SplittableRandom(seed).split().nextLong();
  }

  /**
   * Returns the seed set by {@code -Dgoldcopy.seed=N}, else {@code fallback}.
   *
   * @param fallback the seed to use when none is set
   * @return the seed
   * @throws NumberFormatException if the property is set but not a number
   */
  public static long fromPropertyOr(long fallback) {
    String set = System.getProperty(PROPERTY);
    return set == null || set.isBlank() ? fallback : Long.parseLong(set.trim());
  }
}
