package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One strategy's result in the side-by-side comparison.
 *
 * @param strategy the strategy's name
 * @param makespan the simulated time from start to the last VM's virtual copy
 * @param ratioToBound the makespan over the scenario's lower bound
 * @param arrayCalls how many calls the strategy made to the array, from the simulator's call log
 * @param limitRefusals how many of them the array refused with "limit reached"
 * @param check what the run made, and whether it was correct
 */
public record ComparisonRow(
    String strategy,
    Duration makespan,
    double ratioToBound,
    long arrayCalls,
    long limitRefusals,
    ProvisioningCheck check) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the field if a number is negative
   */
  public ComparisonRow {
    requireNonNull(strategy, "strategy");
    requireNonNull(makespan, "makespan");
    requireNonNull(check, "check");
    if (makespan.isNegative()) {
      throw new IllegalArgumentException("makespan must not be negative: " + makespan);
    }
    if (!(ratioToBound >= 0)) {
      throw new IllegalArgumentException("ratioToBound must not be negative: " + ratioToBound);
    }
    if (arrayCalls < 0) {
      throw new IllegalArgumentException("arrayCalls must not be negative: " + arrayCalls);
    }
    if (limitRefusals < 0) {
      throw new IllegalArgumentException("limitRefusals must not be negative: " + limitRefusals);
    }
  }
}
