package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayAdapter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an executor's runs are made with: the settings of a {@link ReplicationExecutor.Builder},
 * fixed when the executor is built.
 *
 * @param adapter the array
 * @param planner the planning function
 * @param policy the planner's policy: whose containers a run may change, the labels it writes
 * @param executor where the run's tasks run
 * @param scheduler the timers of retries and the deadline
 * @param clock the clock of the deadline, events and elapsed time
 * @param maxConcurrentPhysicalCopies the caller's cap on physical copies in flight
 * @param maxConcurrentVirtualCopies the caller's cap on virtual copies (and deletions) in flight
 * @param retryPolicy how calls are retried
 * @param deadline how long a run may take, or null
 * @param errorPolicy what a failed step does to the rest of the run
 * @param listeners the listeners of progress events, in order
 * @param leaseSettings how a run takes its store's lease
 * @param maxViewAge how old the view may be against which an approved plan's step is checked
 */
record RunSettings(
    ArrayAdapter adapter,
    Function<PlanningInput, ReplicationPlan> planner,
    PlanningPolicy policy,
    Executor executor,
    Scheduler scheduler,
    Clock clock,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    RetryPolicy retryPolicy,
    @Nullable Duration deadline,
    ErrorPolicy errorPolicy,
    List<ExecutionListener> listeners,
    LeaseSettings leaseSettings,
    Duration maxViewAge) {

  /** The default of {@link #maxViewAge}. */
  static final Duration DEFAULT_MAX_VIEW_AGE = Duration.ofSeconds(10);

  RunSettings {
    listeners = List.copyOf(listeners);
  }

  /** Returns {@code value}, checked to be at least 1. */
  static int positive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1: " + value);
    }
    return value;
  }

  /** Returns {@code value}, checked to be a positive duration. */
  static Duration positive(String field, Duration value) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
    return value;
  }

  /** Returns {@code value}, checked to be zero or a positive duration. */
  static Duration notNegative(String field, Duration value) {
    requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
    return value;
  }
}
