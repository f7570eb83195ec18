package dev.goldcopy.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's free capacity, with the bytes the plan's deletions give back. A create that spends
 * more than is free now depends on enough deletions to pay for it, so capacity holds at every
 * instant whatever order the executor runs steps in.
 */
final class CapacityLedger {
  private long freeNow;
  private long pendingBytes;
  private final ArrayDeque<String> pendingIds = new ArrayDeque<>();
  private final ArrayDeque<Long> pendingSizes = new ArrayDeque<>();

  CapacityLedger(long freeNow) {
    this.freeNow = freeNow;
  }

  /** Records a deletion that gives {@code bytes} back once done. */
  void credit(String deleteStepId, long bytes) {
    if (bytes <= 0) {
      return;
    }
    pendingIds.add(deleteStepId);
    pendingSizes.add(bytes);
    pendingBytes = saturated(pendingBytes, bytes);
  }

  /** The bytes free once every recorded deletion is done. */
  long available() {
    return saturated(freeNow, pendingBytes);
  }

  /**
   * Spends {@code cost} bytes.
   *
   * @return the deletions the spender must wait for, possibly none
   */
  List<String> take(long cost) {
    if (cost <= freeNow) {
      freeNow -= cost;
      return List.of();
    }
    List<String> deps = new ArrayList<>(2);
    while (freeNow < cost && !pendingIds.isEmpty()) {
      long bytes = pendingSizes.poll();
      pendingBytes -= bytes;
      freeNow = saturated(freeNow, bytes);
      deps.add(pendingIds.poll());
    }
    if (freeNow < cost) {
      throw new IllegalStateException("capacity overspent");
    }
    freeNow -= cost;
    return deps;
  }

  private static long saturated(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
