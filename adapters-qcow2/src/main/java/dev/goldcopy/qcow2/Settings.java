package dev.goldcopy.qcow2;

import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.NameRules;
import java.time.Duration;

/**
 * The limits an operator declares for a file store (qcow2 itself has none), and how the adapter
 * runs; the values are checked by {@link Qcow2FileStoreAdapterBuilder}.
 *
 * @param maxVirtualCopiesPerSource overlays per master, or 0 for no limit
 * @param maxVirtualCopiesTotal overlays in all stores together, or 0 for no limit
 * @param maxContainersTotal containers of every kind in all stores together, or 0 for no limit
 * @param maxLocalReplicationDepth how deep overlays may chain, or 0 for no limit
 * @param maxConcurrentPhysicalCopies copies running at once in all stores, or 0 for no limit
 * @param maxConcurrentVirtualCopies overlay creations accepted at once by this adapter instance,
 *     or 0 for no limit
 * @param copyBandwidthBytesPerSecond the copy rate the operator expects, or 0 if unknown
 * @param copyCosts the capacity a new copy takes
 * @param capacityQuotaBytes the most the adapter's containers may take in all stores together, as
 *     the copy costs count them; 0 to use the file system's free space alone
 * @param pollInterval how often a running copy checks that it was not deleted, and a caller
 *     waiting for another process's copy looks again
 */
record Settings(
    int maxVirtualCopiesPerSource,
    int maxVirtualCopiesTotal,
    int maxContainersTotal,
    int maxLocalReplicationDepth,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    long copyBandwidthBytesPerSecond,
    CopyCosts copyCosts,
    long capacityQuotaBytes,
    Duration pollInterval) {

  /**
   * The names the adapter accepts: safe file names on every common file system. Letters, digits,
   * {@code _ . + -}; not starting with a dot (the adapter's own files do) or a sign; no {@code ..};
   * at most 200 bytes, which leaves room within the usual 255-byte file name limit for the
   * adapter's temporary names.
   */
  static final NameRules NAME_RULES =
      new NameRules(200, "(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_.+-]*", true);
}
