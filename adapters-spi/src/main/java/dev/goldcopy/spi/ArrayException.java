package dev.goldcopy.spi;

import org.jspecify.annotations.Nullable;

/**
 * The root of the errors an {@link ArrayAdapter} reports. Each subclass says whether retrying the
 * same call can help ({@link #retryable()}); callers decide on that alone, not on messages.
 *
 * <p>Adapters complete the returned stage exceptionally with one of these. Bad arguments (a null,
 * a malformed name) are not array errors: they are thrown at once as {@link NullPointerException}
 * or {@link IllegalArgumentException}.
 */
public abstract class ArrayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * Creates an error.
   *
   * @param message what went wrong, naming the container or store
   * @param retryable whether repeating the same call, unchanged, may succeed
   * @param cause the underlying failure, if any
   */
  protected ArrayException(String message, boolean retryable, @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Returns whether repeating the same call, unchanged, may succeed.
   *
   * @return true if a retry can help
   */
  public final boolean retryable() {
    return retryable;
  }
}
