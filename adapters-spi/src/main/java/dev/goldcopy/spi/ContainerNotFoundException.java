package dev.goldcopy.spi;

/**
 * A container the call names (a source, usually) does not exist in the store.
 *
 * <p>Not retryable: the container will not appear by itself.
 */
public class ContainerNotFoundException extends ArrayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what happened, naming the container or store
   */
  public ContainerNotFoundException(String message) {
    super(message, false, null);
  }
}
