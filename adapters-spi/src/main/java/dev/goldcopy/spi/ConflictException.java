package dev.goldcopy.spi;

/**
 * The call contradicts what exists: a container with the same name but another source or kind, or
 * a delete of a master that still has dependents.
 *
 * <p>Not retryable: the same call meets the same conflict.
 */
public class ConflictException extends ArrayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, naming the container or store
   */
  public ConflictException(String message) {
    super(message, false, null);
  }
}
