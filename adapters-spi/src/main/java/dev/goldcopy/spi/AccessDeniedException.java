package dev.goldcopy.spi;

/**
 * The calling tenant does not own the store, or the container belongs to another tenant or store.
 * Nothing was read or changed.
 *
 * <p>Not retryable: permissions do not change between retries.
 */
public class AccessDeniedException extends ArrayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, naming the container or store
   */
  public AccessDeniedException(String message) {
    super(message, false, null);
  }
}
