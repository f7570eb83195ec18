package dev.goldcopy.plan;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The free slots of one limit (a master's per-source limit, or the array's virtual copy total),
 * with the pending deletions that free more. A slot taken beyond what is free now depends on a
 * deletion, so the limit holds at every instant whatever order the executor runs steps in.
 */
class SlotLedger {
  static final long UNBOUNDED = Long.MAX_VALUE / 4;

  /** Slots usable once the plan's deletions are done. */
  private long remaining;
  /** Slots usable right now; negative when the holder is over its limit. */
  private long freeNow;
  private final ArrayDeque<String> pending;

  SlotLedger(long limit, long kept, ArrayDeque<String> pendingDeletes) {
    this.pending = pendingDeletes;
    if (limit == 0) {
      remaining = UNBOUNDED;
      freeNow = UNBOUNDED;
    } else {
      remaining = Math.max(0, limit - kept);
      freeNow = limit - kept - pendingDeletes.size();
    }
  }

  long remaining() {
    return remaining;
  }

  /** Whether the limit is unbounded. */
  boolean unbounded() {
    return remaining >= UNBOUNDED / 2;
  }

  /** Records a deletion planned after the ledger opened: its slot is free once it is done. */
  void credit(String deleteStepId) {
    if (unbounded()) {
      return;
    }
    pending.add(deleteStepId);
    remaining++;
  }

  /**
   * Takes one slot.
   *
   * @return the deletions the new occupant must wait for, possibly none
   */
  List<String> take() {
    if (remaining <= 0) {
      throw new IllegalStateException("no slot left");
    }
    remaining--;
    if (freeNow > 0) {
      freeNow--;
      return List.of();
    }
    int needed = (int) Math.min(pending.size(), 1 - freeNow);
    freeNow = 0;
    if (needed == 1) {
      return List.of(pending.poll());
    }
    String[] deps = new String[needed];
    for (int i = 0; i < needed; i++) {
      deps[i] = pending.poll();
    }
    return List.of(deps);
  }
}
