package dev.goldcopy.spi;


import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The array is too busy to take the call now: too many copies in progress, a node at its maximum
 * split load. The call did not take effect.
 *
 * <p>Retryable, after {@link #retryAfter()} if the array says.
 */
public class BusyException extends ArrayException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the error with no retry hint.
   *
   * @param message what happened
   */
  public BusyException(String message) {
    this(message, null);
  }

  /**
   * Creates the error.
   *
   * @param message what happened
   * @param retryAfter how long the array asks callers to wait, or {@code null} if it does not say
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public BusyException(String message, @Nullable Duration retryAfter) {
    super(message, true, null);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long the array asks callers to wait before retrying.
   *
   * @return the wait, or empty if the array did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
