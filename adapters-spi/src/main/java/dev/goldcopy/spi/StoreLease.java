package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * One writer per store: a lease an executor holds on a store while it changes it. Whoever holds
 * the lease is the only one that creates or deletes in the store; a second executor waits for the
 * lease or gives up at once, as its caller chooses.
 *
 * <p>A lease lasts for its time to live unless renewed. Every grant carries a <b>fencing token</b>
 * that grows with each grant of the same store, so a holder that stalled past its lease (a long
 * pause, a partition) and lost it finds out before its next change: the executor asks {@link
 * #holds} before each create and delete, and stops if the answer is no.
 *
 * <p>Goldcopy's core ships an in-process implementation, which excludes executors within one JVM.
 * To exclude executors in several processes or on several hosts, an adapter or a coordination
 * service provides this interface: a lease row in a database with a compare-and-set on the token,
 * an etcd or ZooKeeper lease, a Kubernetes {@code Lease} object, or the array's own reservation
 * of a volume. An array that can check the token itself on every change gives the strongest
 * guarantee; {@link #holds} must then answer from what the holder knows locally (its expiry) and
 * stay quick, as it is called before every change.
 *
 * <p>Implementations are thread-safe; every stage may complete on any thread.
 */
public interface StoreLease {

  /**
   * A granted lease.
   *
   * @param store the store leased
   * @param holder who holds it, for messages
   * @param fencingToken grows with every grant of the same store
   * @param expiresAt when it ends unless renewed, on the lease's clock
   */
  record Grant(StoreRef store, String holder, long fencingToken, Instant expiresAt) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Grant {
      requireNonNull(store, "store");
      requireNonNull(holder, "holder");
      requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * Takes the lease on {@code store} if no one holds it (or the holder's lease expired).
   *
   * @param store the store
   * @param holder who asks, for messages
   * @param ttl how long the lease lasts unless renewed; positive
   * @return the grant, or a stage failed with {@link LeaseHeldException} naming the holder
   */
  CompletionStage<Grant> acquire(StoreRef store, String holder, Duration ttl);

  /**
   * Extends a lease still held.
   *
   * @param grant the grant to extend
   * @param ttl how long from now the lease lasts; positive
   * @return the new grant, with the same fencing token, or a stage failed with {@link
   *     LeaseLostException} if the lease expired or passed to another holder
   */
  CompletionStage<Grant> renew(Grant grant, Duration ttl);

  /**
   * Gives the lease up; does nothing if it is no longer held.
   *
   * @param grant the grant
   * @return a stage that completes once released
   */
  CompletionStage<Void> release(Grant grant);

  /**
   * Returns whether {@code grant} is still the store's current, unexpired lease: the fencing check
   * made before each change. Quick and without remote calls.
   *
   * @param grant the grant
   * @return true if its holder may change the store
   */
  boolean holds(Grant grant);
}
