package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.LeaseHeldException;
import dev.goldcopy.spi.LeaseLostException;
import dev.goldcopy.spi.StoreLease;
import dev.goldcopy.spi.StoreRef;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link StoreLease} for the executors of one JVM: a table of grants per store, with expiry on a
 * clock and a fencing token per store that grows with each grant. It excludes executors in this
 * process only; for several processes use a lease an adapter or a coordination service provides.
 *
 * <p>{@link #of(ArrayAdapter, Clock)} gives every executor of one adapter instance the same lease,
 * which is what {@link ReplicationExecutor}'s builder uses unless told otherwise. Thread-safe.
 *
 * <p><b>When a holder is gone.</b> A run gives its grant back whenever it ends: succeeded, failed,
 * cancelled, past its deadline, or broken by an error of its own. The table lives in this JVM, so
 * when the process dies its grants go with it (and a run in another process was never excluded
 * by them). A grant outlives its holder only when a run stops without ending in a JVM that lives
 * on, for example when the scheduler that fires its renewals no longer runs: the renewals stop,
 * and the store is free again once the time to live passes (30 seconds by default). The table
 * does not try to tell sooner: a run waiting for a slow array call is alive and renews, and no
 * thread or executor of a run marks it dead; guessing wrong would let two writers in. With a
 * lease shared across processes, a crashed process holds the store for up to the time to live;
 * {@link ReplicationExecutor.Builder#leaseTimeToLive} trades a faster take-over for more
 * renewals.
 */
public final class InProcessStoreLease implements StoreLease {
  /**
   * The shared tables, each held only by the executors that use it: a table's clock may hold its
   * adapter (a simulator's clock does), and a table held here would then keep its adapter, and
   * everything the adapter holds, for as long as the JVM lives. A table no executor holds has no
   * grant anyone waits on; the next executor of its adapter gets a new one.
   */
  private static final Map<ArrayAdapter, WeakReference<InProcessStoreLease>> SHARED =
      new WeakHashMap<>();

  private final Clock clock;
  private final Map<StoreRef, Grant> grants = new HashMap<>();
  private final Map<StoreRef, Long> tokens = new HashMap<>();

  private InProcessStoreLease(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns a new lease table with its own grants.
   *
   * @param clock the clock leases expire on
   * @return the lease
   * @throws NullPointerException if {@code clock} is null
   */
  public static InProcessStoreLease create(Clock clock) {
    return new InProcessStoreLease(requireNonNull(clock, "clock"));
  }

  /**
   * Returns the lease table shared by every executor of {@code adapter} in this JVM, made with
   * {@code clock} the first time it is asked for.
   *
   * @param adapter the array
   * @param clock the clock leases expire on, if the table is new
   * @return the shared lease
   * @throws NullPointerException if an argument is null
   */
  public static InProcessStoreLease of(ArrayAdapter adapter, Clock clock) {
    requireNonNull(adapter, "adapter");
    requireNonNull(clock, "clock");
    synchronized (SHARED) {
      WeakReference<InProcessStoreLease> shared = SHARED.get(adapter);
      InProcessStoreLease lease = shared == null ? null : shared.get();
      if (lease == null) {
        lease = new InProcessStoreLease(clock);
        SHARED.put(adapter, new WeakReference<>(lease));
      }
      return lease;
    }
  }

  @Override
  public synchronized CompletionStage<Grant> acquire(StoreRef store, String holder, Duration ttl) {
    requireNonNull(store, "store");
    requireNonNull(holder, "holder");
    positive(ttl);
    Instant now = clock.instant();
    Grant current = grants.get(store);
    if (current != null && now.isBefore(current.expiresAt())) {
      return CompletableFuture.failedFuture(
          new LeaseHeldException(store, current.holder(), "store " + store + " is leased by "
              + current.holder() + " until " + current.expiresAt() + " (fencing token "
              + current.fencingToken() + "); one writer per store"));
    }
    long token = tokens.merge(store, 1L, Long::sum);
    Grant g = new Grant(store, holder, token, now.plus(ttl));
    grants.put(store, g);
    return CompletableFuture.completedFuture(g);
  }

  @Override
  public synchronized CompletionStage<Grant> renew(Grant grant, Duration ttl) {
    positive(ttl);
    if (!holds(grant)) {
      return CompletableFuture.failedFuture(lost(grant));
    }
    Grant g = new Grant(grant.store(), grant.holder(), grant.fencingToken(), clock.instant().plus(ttl));
    grants.put(grant.store(), g);
    return CompletableFuture.completedFuture(g);
  }

  @Override
  public synchronized CompletionStage<Void> release(Grant grant) {
    Grant current = grants.get(grant.store());
    if (current != null && current.fencingToken() == grant.fencingToken()) {
      grants.remove(grant.store());
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized boolean holds(Grant grant) {
    Grant current = grants.get(grant.store());
    return current != null
        && current.fencingToken() == grant.fencingToken()
        && clock.instant().isBefore(current.expiresAt());
  }

  private static LeaseLostException lost(Grant grant) {
    return new LeaseLostException("the lease of " + grant.holder() + " on store " + grant.store()
        + " (fencing token " + grant.fencingToken() + ") expired or passed to another writer");
  }

  private static void positive(Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }
}
