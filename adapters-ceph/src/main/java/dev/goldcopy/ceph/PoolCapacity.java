package dev.goldcopy.ceph;

import dev.goldcopy.spi.TransientArrayException;

/**
 * The capacity the adapter accounts against. RBD images are thin, so the pool's free space says
 * little about what more copies will take; the adapter counts provisioned sizes instead ({@link
 * Ledger#freeBytes()}) against a stable total: the configured capacity, else the pool's byte
 * quota, else the cluster's raw size divided by the pool's replica count. What the pool can still
 * store ({@code max_avail} in {@code ceph df}) caps the free capacity reported.
 */
final class PoolCapacity {

  private static final long USAGE_STALE_NANOS = 5_000_000_000L;
  private static final long TOTAL_STALE_NANOS = 60_000_000_000L;

  private final Rbd rbd;
  private final Ledger ledger;
  private final long configuredBytes;
  private long usageReadAt;
  private long totalReadAt;
  private long total = -1;
  private boolean read;

  PoolCapacity(Rbd rbd, Ledger ledger, long configuredBytes) {
    this.rbd = rbd;
    this.ledger = ledger;
    this.configuredBytes = configuredBytes;
  }

  /**
   * Reads the pool's usage, unless read in the last 5 s, and hands it to the ledger; the quota and
   * replica count are read again after a minute.
   */
  void refresh() {
    refresh(USAGE_STALE_NANOS);
  }

  /** Reads the capacity if it was never read or was read more than 30 s ago. */
  void refreshIfStale() {
    refresh(6 * USAGE_STALE_NANOS);
  }

  private void refresh(long staleNanos) {
    long now = System.nanoTime();
    boolean usageStale;
    boolean totalStale;
    synchronized (this) {
      usageStale = !read || now - usageReadAt > staleNanos;
      totalStale = total < 0 || now - totalReadAt > TOTAL_STALE_NANOS;
    }
    if (!usageStale) {
      return;
    }
    RbdJson.PoolUsage usage =
        rbd.poolUsage()
            .orElseThrow(
                () -> new TransientArrayException("ceph df does not list pool " + rbd.pool()));
    long bytes;
    synchronized (this) {
      bytes = total;
    }
    if (totalStale) {
      bytes = configuredBytes;
      if (bytes <= 0) {
        long quota = rbd.quotaMaxBytes();
        bytes = quota > 0 ? quota : usage.clusterBytes() / Math.max(1, rbd.poolSize());
      }
    }
    ledger.capacity(bytes, usage.maxAvailBytes());
    synchronized (this) {
      read = true;
      usageReadAt = now;
      if (totalStale) {
        total = bytes;
        totalReadAt = now;
      }
    }
  }
}
