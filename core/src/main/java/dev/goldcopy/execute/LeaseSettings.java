package dev.goldcopy.execute;

import dev.goldcopy.spi.StoreLease;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How an executor's runs take their store's lease: which {@link StoreLease}, for how long at a
 * time, and how long a run waits for a lease another writer holds (zero: it fails at once).
 *
 * @param lease the lease
 * @param timeToLive how long a grant lasts unless renewed
 * @param maxWait how long a run waits for a held lease; zero to fail fast
 */
record LeaseSettings(StoreLease lease, Duration timeToLive, Duration maxWait) {
  /** The default time to live of a grant. */
  static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  /** The default wait for a held lease. */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

  private static final AtomicLong RUNS = new AtomicLong();

  /** Makes the keeper of one run's lease. */
  LeaseKeeper keeper(RunSettings config, StoreRef store, Mailbox mailbox) {
    String holder = "goldcopy run " + RUNS.incrementAndGet() + " of owner " + config.policy().owner();
    return new LeaseKeeper(lease, store, holder, timeToLive, maxWait, mailbox, config.clock());
  }
}
