package dev.goldcopy.roll;

import dev.goldcopy.spi.ArrayCapabilities;
import java.time.Duration;

/**
 * The expected time of one batch under a {@link TimeModel}: its deletions, then its copies as a
 * fan-out from the target group's masters within the array's copy concurrency and bandwidth, then
 * its clones within the array's clone concurrency. Conservative: the executor overlaps them.
 */
final class RollTiming {
  private RollTiming() {}

  static Duration batch(
      TimeModel t, ArrayCapabilities caps, long vms, long sources, long newReplicas, long image) {
    long cloneWidth = caps.maxConcurrentVirtualCopies() > 0 ? caps.maxConcurrentVirtualCopies() : vms;
    long waves = vms == 0 ? 0 : (vms + cloneWidth - 1) / Math.max(1, cloneWidth);
    Duration deletions = t.perDeletion().multipliedBy(waves);
    Duration clones = t.perClone().multipliedBy(waves);
    return deletions.plus(copies(t, caps, sources, newReplicas, image)).plus(clones);
  }

  /** Rounds of copies: each round every ready master is the source of at most one copy. */
  static Duration copies(TimeModel t, ArrayCapabilities caps, long sources, long k, long image) {
    long streams = caps.maxConcurrentPhysicalCopies() > 0 ? caps.maxConcurrentPhysicalCopies() : k;
    long have = Math.max(1, sources);
    long made = 0;
    double seconds = 0;
    while (made < k) {
      long round = Math.min(Math.min(have, Math.max(1, streams)), k - made);
      double rate = t.streamBytesPerSecond();
      long bandwidth = caps.copyBandwidthBytesPerSecond();
      if (bandwidth > 0) {
        rate = Math.min(rate, (double) bandwidth / round);
      }
      seconds += image / rate;
      made += round;
      have += round;
    }
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }
}
