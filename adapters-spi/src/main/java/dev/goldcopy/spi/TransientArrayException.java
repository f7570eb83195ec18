package dev.goldcopy.spi;

/**
 * A transient failure whose outcome is unknown: the call may or may not have taken effect (a lost
 * response, a timeout, a failover). Retrying with the same name is safe because creation is
 * idempotent.
 *
 * <p>Retryable: the retry finds the work done or does it.
 */
public class TransientArrayException extends ArrayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, naming the container or store
   */
  public TransientArrayException(String message) {
    super(message, true, null);
  }
}
