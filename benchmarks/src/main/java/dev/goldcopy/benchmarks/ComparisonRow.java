package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One strategy's result in the side-by-side comparison.
 *
 * @param strategy the strategy's name
 * @param makespan the simulated time from start to the last VM's virtual copy (or to the failure)
 * @param ratioToBound the makespan over the scenario's lower bound
 * @param arrayCalls how many calls the strategy made to the array, from the simulator's call log
 * @param limitRefusals how many of them the array refused with "limit reached"
 * @param check what the run made, and whether it was correct
 * @param wallNanos the wall time of the simulated run (the median, when it ran several times)
 * @param failure why the strategy stopped short, or null if it finished
 * @param baseline whether the strategy is a baseline the summary compares Goldcopy with
 */
public record ComparisonRow(
    String strategy,
    Duration makespan,
    double ratioToBound,
    long arrayCalls,
    long limitRefusals,
    ProvisioningCheck check,
    long wallNanos,
    @Nullable String failure,
    boolean baseline) {

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
    if (wallNanos < 0) {
      throw new IllegalArgumentException("wallNanos must not be negative: " + wallNanos);
    }
  }

  /**
   * Returns whether the strategy finished and provisioned the demand correctly.
   *
   * @return true if it did
   */
  public boolean succeeded() {
    return failure == null && check.passed();
  }
}
