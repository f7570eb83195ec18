package dev.goldcopy.plan;

import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A master of the group being planned, existing or new, with its free slots under the per-source
 * limit, the soft and hard caps on the clones it takes, and its load.
 */
final class MasterSlot extends SlotLedger {
  final String name;
  /** The step that makes this master; null for an existing master. */
  final @Nullable String stepId;
  /** The master's position among the group's masters; breaks ties between equal loads. */
  final int index;
  /** Whether the master is ready as the plan is made, so its clones need not wait for a copy. */
  final boolean readyNow;
  /** New clones it takes before the others take theirs (the policy's ratio). */
  final long softCap;
  /** New clones it may take at most (the array's limit); 0 when closed. */
  final long hardCap;
  /** A clone's dependencies when nothing else holds it back: the step making the master. */
  final List<String> ownDeps;
  /** Why a clone goes here; written when the first clone does. */
  private @Nullable String reason;
  /** The clones it holds and is given. */
  long load;
  /** The new clones it is given. */
  long placed;

  /**
   * A master with {@code kept} clones under a per-source {@code limit} (0 for none), its clones'
   * pending deletions, and no room at all when {@code closed}.
   */
  MasterSlot(String name, @Nullable String stepId, int index, long kept, long softCap,
      boolean closed, int limit, ArrayDeque<String> pendingDeletes) {
    this(name, stepId, stepId == null, index, kept, softCap, closed, limit, pendingDeletes);
  }

  /**
   * A master as above that is ready as the plan is made, or not ({@code readyNow}: an existing
   * master still being copied is not).
   */
  MasterSlot(String name, @Nullable String stepId, boolean readyNow, int index, long kept,
      long softCap, boolean closed, int limit, ArrayDeque<String> pendingDeletes) {
    super(limit, kept, pendingDeletes);
    this.name = name;
    this.stepId = stepId;
    this.readyNow = readyNow && stepId == null;
    this.ownDeps = stepId == null ? List.of() : List.of(stepId);
    this.index = index;
    this.load = kept;
    this.softCap = softCap;
    this.hardCap = closed ? 0 : remaining();
  }

  /** Why a new clone goes on this master. */
  String reason() {
    String r = reason;
    if (r == null) {
      r = stepId != null ? "New VM; clones from new replica " + name + "." : "New VM; " + name
          + " has a free slot.";
      reason = r;
    }
    return r;
  }
}
