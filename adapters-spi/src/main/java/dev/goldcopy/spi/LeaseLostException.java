package dev.goldcopy.spi;

/**
 * A writer's lease on a store expired or passed to another writer: it must not change the store
 * any more. {@link StoreLease#renew} fails with it, and an executor answers a change it did not
 * make because of it with it.
 */
public final class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message the account, naming the store and the fencing token
   */
  public LeaseLostException(String message) {
    super(message);
  }
}
