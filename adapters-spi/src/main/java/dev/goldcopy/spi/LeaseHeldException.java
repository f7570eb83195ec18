package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

/**
 * A store's lease is held by another writer: {@link StoreLease#acquire} refused, or an executor
 * waited as long as its caller allowed and the lease was still held.
 */
public final class LeaseHeldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StoreRef store;
  private final String holder;

  /**
   * Creates the error.
   *
   * @param store the store
   * @param holder who holds the lease
   * @param message the account, naming the store, the holder and until when
   */
  public LeaseHeldException(StoreRef store, String holder, String message) {
    super(requireNonNull(message, "message"));
    this.store = requireNonNull(store, "store");
    this.holder = requireNonNull(holder, "holder");
  }

  /**
   * Returns the store.
   *
   * @return the store whose lease is held
   */
  public StoreRef store() {
    return store;
  }

  /**
   * Returns who holds the lease.
   *
   * @return the holder
   */
  public String holder() {
    return holder;
  }
}
