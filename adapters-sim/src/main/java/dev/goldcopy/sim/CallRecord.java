package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One call to the {@link SimulatedArray}, recorded when it was answered. Calls that threw at once
 * (a null or malformed argument) never reached the array and are not recorded.
 *
 * @param calledAt the virtual time of the call, since the simulation started
 * @param answeredAt the virtual time its stage completed; at least {@code calledAt}
 * @param operation which operation
 * @param store the calling tenant and store
 * @param subject the source of a create or the container of a delete; {@code null} for queries
 * @param name the name a create asked for; {@code null} for other operations
 * @param outcome how it was answered
 * @param result the container a create returned or made (also when its answer was lost); {@code
 *     null} otherwise
 */
public record CallRecord(
    Duration calledAt,
    Duration answeredAt,
    Operation operation,
    StoreRef store,
    @Nullable ContainerId subject,
    @Nullable String name,
    CallOutcome outcome,
    @Nullable ContainerId result) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if {@code answeredAt} is before {@code calledAt}
   */
  public CallRecord {
    requireNonNull(calledAt, "calledAt");
    requireNonNull(answeredAt, "answeredAt");
    requireNonNull(operation, "operation");
    requireNonNull(store, "store");
    requireNonNull(outcome, "outcome");
    if (answeredAt.compareTo(calledAt) < 0) {
      throw new IllegalArgumentException(
          "answeredAt (" + answeredAt + ") must not be before calledAt (" + calledAt + ")");
    }
  }
}
