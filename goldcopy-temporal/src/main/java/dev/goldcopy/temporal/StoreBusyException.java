package dev.goldcopy.temporal;

/**
 * Another run already drives the store: Temporal allows one open workflow per store id. Attach to
 * it ({@link StoreClient#attach}), change its demand, or wait for it to end.
 */
public final class StoreBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;

  /**
   * Creates the error.
   *
   * @param workflowId the store's workflow id
   * @param cause Temporal's error
   */
  public StoreBusyException(String workflowId, Throwable cause) {
    super("another run already drives the store (workflow " + workflowId + ")", cause);
    this.workflowId = workflowId;
  }

  /**
   * Returns the workflow id of the run that drives the store.
   *
   * @return the id
   */
  public String workflowId() {
    return workflowId;
  }
}
