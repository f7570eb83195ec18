package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.spi.Inventory;
import java.util.function.BooleanSupplier;

/**
 * Reads the array for a run, retried through the run's {@link Retrier}: the capabilities and the
 * inventory before each round, or the inventory alone before a clean-up. The callback hears the
 * answer, or the last error once retrying is over.
 */
final class Observer {
  private final ArrayCalls calls;
  private final Retrier retrier;

  Observer(ArrayCalls calls, Retrier retrier) {
    this.calls = calls;
    this.retrier = retrier;
  }

  /**
   * Reads the capabilities and the inventory; a retryable failure is retried while {@code wanted}
   * says so when it happens.
   */
  void observe(BooleanSupplier wanted, ArrayCalls.Callback<Observation> then) {
    observe(1, wanted, then);
  }

  /** Lists the store; a retryable failure is retried until the attempts are spent. */
  void list(ArrayCalls.Callback<Inventory> then) {
    list(1, then);
  }

  private void observe(int attempt, BooleanSupplier wanted, ArrayCalls.Callback<Observation> then) {
    calls.observe(
        (observation, error) -> {
          if (observation == null
              && wanted.getAsBoolean()
              && retrier.retry(attempt, error, () -> observe(attempt + 1, wanted, then)) != null) {
            return;
          }
          then.done(observation, error);
        });
  }

  private void list(int attempt, ArrayCalls.Callback<Inventory> then) {
    calls.inventory(
        (inventory, error) -> {
          if (inventory == null
              && retrier.retry(attempt, error, () -> list(attempt + 1, then)) != null) {
            return;
          }
          then.done(inventory, error);
        });
  }
}
