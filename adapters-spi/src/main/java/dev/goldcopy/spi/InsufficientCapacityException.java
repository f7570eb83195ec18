package dev.goldcopy.spi;

/**
 * The store has too little free capacity for the container. Nothing was created.
 *
 * <p>Not retryable: the same call needs the same capacity again.
 */
public class InsufficientCapacityException extends ArrayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, naming the container or store
   */
  public InsufficientCapacityException(String message) {
    super(message, false, null);
  }
}
