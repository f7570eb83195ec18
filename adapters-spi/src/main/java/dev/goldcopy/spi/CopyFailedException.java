package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

/**
 * A physical copy did not complete: the container exists in state {@link ContainerState#FAILED}
 * and holds no usable content.
 *
 * <p>Not retryable as it stands: a create with the same name keeps finding the failed container.
 * Delete {@link #container()}, then create again.
 */
public class CopyFailedException extends ArrayException {
  private static final long serialVersionUID = 1L;

  private final ContainerId container;

  /**
   * Creates the error.
   *
   * @param container the failed container, which still exists
   * @param message what happened
   */
  public CopyFailedException(ContainerId container, String message) {
    super(message, false, null);
    this.container = requireNonNull(container, "container");
  }

  /**
   * Returns the failed container, to be deleted before a new attempt.
   *
   * @return its identifier
   */
  public ContainerId container() {
    return container;
  }
}
