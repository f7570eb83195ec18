package dev.goldcopy.execute;

import dev.goldcopy.spi.LeaseHeldException;
import dev.goldcopy.spi.StoreLease;
import dev.goldcopy.spi.StoreLease.Grant;
import dev.goldcopy.spi.StoreRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A run's hold on its store's {@link StoreLease}: takes it before the run's first call (waiting for
 * it while the caller allows, polling every {@link #POLL}), renews it every third of its time to
 * live, answers the fencing check before each change, and gives it up when the run ends. Every
 * answer of the lease comes back as a task of the run's {@link Mailbox}.
 */
final class LeaseKeeper {
  /** How often a run that waits for a held lease asks for it again. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final StoreLease lease;
  private final StoreRef store;
  private final String holder;
  private final Duration ttl;
  private final Duration maxWait;
  private final Mailbox mailbox;
  private final Clock clock;
  private volatile @Nullable Grant grant;
  private volatile boolean lost;
  private boolean released;

  LeaseKeeper(
      StoreLease lease,
      StoreRef store,
      String holder,
      Duration ttl,
      Duration maxWait,
      Mailbox mailbox,
      Clock clock) {
    this.lease = lease;
    this.store = store;
    this.holder = holder;
    this.ttl = ttl;
    this.maxWait = maxWait;
    this.mailbox = mailbox;
    this.clock = clock;
  }

  /**
   * Takes the lease, waiting up to the caller's limit while another writer holds it.
   *
   * @param wanted checked before each new attempt: false once the run stops waiting
   * @param granted run with the grant held
   * @param refused told why the lease could not be had (a {@link LeaseHeldException} if held)
   * @param lostIt told, later, that the lease was lost while the run held it
   */
  void acquire(
      BooleanSupplier wanted, Runnable granted, Consumer<Throwable> refused, Consumer<String> lostIt) {
    attempt(clock.instant().plus(maxWait), wanted, granted, refused, lostIt);
  }

  private void attempt(
      Instant until,
      BooleanSupplier wanted,
      Runnable granted,
      Consumer<Throwable> refused,
      Consumer<String> lostIt) {
    lease
        .acquire(store, holder, ttl)
        .whenComplete(
            (g, error) ->
                mailbox.handOff(
                    () -> {
                      if (g != null) {
                        grant = g;
                        scheduleRenewal(lostIt);
                        granted.run();
                        return;
                      }
                      Throwable e = unwrap(error);
                      boolean again = e instanceof LeaseHeldException
                          && !clock.instant().plus(POLL).isAfter(until)
                          && wanted.getAsBoolean();
                      if (again) {
                        mailbox.schedule(POLL, () -> attempt(until, wanted, granted, refused, lostIt));
                      } else {
                        refused.accept(e == null ? new IllegalStateException("no lease") : e);
                      }
                    }));
  }

  private void scheduleRenewal(Consumer<String> lostIt) {
    mailbox.schedule(ttl.dividedBy(3), () -> renew(lostIt));
  }

  private void renew(Consumer<String> lostIt) {
    Grant g = grant;
    if (g == null || released || lost) {
      return;
    }
    lease
        .renew(g, ttl)
        .whenComplete(
            (next, error) ->
                mailbox.handOff(
                    () -> {
                      if (released) {
                        return;
                      }
                      if (next != null) {
                        grant = next;
                        scheduleRenewal(lostIt);
                      } else {
                        lost = true;
                        lostIt.accept(FailureClassifier.describe(unwrap(error)));
                      }
                    }));
  }

  /** The fencing check before a change: whether this run still holds the store's lease. */
  boolean holds() {
    Grant g = grant;
    return g != null && !lost && lease.holds(g);
  }

  /** Returns the grant's fencing token, or -1 if none is held. */
  long fencingToken() {
    Grant g = grant;
    return g == null ? -1 : g.fencingToken();
  }

  /** Gives the lease up, if held; the run changes nothing after this. */
  void release() {
    released = true;
    Grant g = grant;
    if (g != null) {
      grant = null;
      lease.release(g);
    }
  }

  StoreRef store() {
    return store;
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
