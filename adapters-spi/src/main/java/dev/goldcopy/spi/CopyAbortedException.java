package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

/**
 * A physical copy was aborted because its container was deleted while it was still copying. The
 * container is gone and its capacity is free again. The stage of the create, and of every
 * same-name create that was waiting for it, completes with this error.
 *
 * <p>Not retryable as it stands: someone deleted the copy on purpose. Creating it again starts a
 * new copy.
 */
public class CopyAbortedException extends ArrayException {
  private static final long serialVersionUID = 1L;

  private final String name;

  /**
   * Creates the error.
   *
   * @param name the name of the aborted copy
   * @param message what happened
   */
  public CopyAbortedException(String name, String message) {
    super(message, false, null);
    this.name = requireNonNull(name, "name");
  }

  /**
   * Returns the name the aborted copy was created with.
   *
   * @return its name
   */
  public String name() {
    return name;
  }
}
