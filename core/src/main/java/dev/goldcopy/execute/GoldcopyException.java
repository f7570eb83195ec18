package dev.goldcopy.execute;

import org.jspecify.annotations.Nullable;

/**
 * The root of the unchecked exceptions Goldcopy's core throws. The synchronous entry point {@link
 * ReplicationExecutor#execute} throws it when a run ends abnormally (the calling thread was
 * interrupted, or the run itself broke); an ordinary run that fails, is short or is cancelled
 * returns an {@link ExecutionResult} saying so instead.
 */
public class GoldcopyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the underlying failure, if any
   */
  public GoldcopyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
