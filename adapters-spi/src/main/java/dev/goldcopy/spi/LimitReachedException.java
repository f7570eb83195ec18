package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

/**
 * A declared limit would be exceeded: the source already has the most virtual copies it may have,
 * the array holds its most virtual copies or its most containers in all (counting every store and
 * tenant), the copy would chain deeper than allowed, or the array makes no virtual copies at all.
 * Nothing was created.
 *
 * <p>Not retryable: the limit holds until something is deleted.
 */
public class LimitReachedException extends ArrayException {
  private static final long serialVersionUID = 1L;

  /** Which declared limit was reached. */
  public enum Scope {
    /** {@link ArrayCapabilities#maxVirtualCopiesPerSource()}. */
    PER_SOURCE,
    /** {@link ArrayCapabilities#maxVirtualCopiesTotal()}. */
    ARRAY_TOTAL,
    /** {@link ArrayCapabilities#maxLocalReplicationDepth()}. */
    REPLICATION_DEPTH,
    /** {@link ArrayCapabilities#maxContainersTotal()}: containers of every kind, array-wide. */
    ARRAY_CONTAINERS,
    /** {@link ArrayCapabilities#virtualCopiesSupported()} is false: no virtual copy at all. */
    NOT_SUPPORTED
  }

  private final Scope scope;
  private final int limit;

  /**
   * Creates the error.
   *
   * @param scope which limit
   * @param limit the limit's value
   * @param message what happened, naming the source
   */
  public LimitReachedException(Scope scope, int limit, String message) {
    super(message, false, null);
    this.scope = requireNonNull(scope, "scope");
    this.limit = limit;
  }

  /**
   * Returns which limit was reached.
   *
   * @return the scope
   */
  public Scope scope() {
    return scope;
  }

  /**
   * Returns the limit's value.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }
}
