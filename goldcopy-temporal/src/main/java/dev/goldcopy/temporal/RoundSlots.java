package dev.goldcopy.temporal;

import dev.goldcopy.temporal.StepNode.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A round's room for calls: the caps on copies and on clones and deletions, the calls in flight
 * of each kind (a copy's poll counts as a copy), the copies reading each source ({@link
 * SourceReads}), and the order in which ready steps are issued. Workflow state.
 */
final class RoundSlots {
  private final int physicalCap;
  private final int virtualCap;
  private final SourceReads reads;
  private final boolean perSource;
  private int inFlight;
  private int physicalInFlight;
  private int virtualInFlight;

  /**
   * @param perSource whether copies start under the per-source rule (the workflow's version says)
   */
  RoundSlots(int physicalCap, int virtualCap, int feeds, boolean perSource) {
    this.physicalCap = physicalCap;
    this.virtualCap = virtualCap;
    this.reads = new SourceReads(feeds);
    this.perSource = perSource;
  }

  /** Room for nothing: a round that has not started. */
  static RoundSlots none() {
    return new RoundSlots(0, 0, 1, false);
  }

  /** Returns the calls and copy polls in flight. */
  int inFlight() {
    return inFlight;
  }

  /** Notes the call of step {@code n}, issued now. */
  void issued(StepNode n) {
    inFlight++;
    if (n.physical()) {
      physicalInFlight++;
      if (perSource) {
        reads.started(n);
      }
    } else {
      virtualInFlight++;
    }
  }

  /** Notes the answer to step {@code n}'s call; a copy still under way reads its source still. */
  void answered(StepNode n, boolean stillCopying) {
    inFlight--;
    if (n.physical()) {
      physicalInFlight--;
    } else {
      virtualInFlight--;
    }
    if (!stillCopying) {
      reads.ended(n);
    }
  }

  /** Notes a copy's poll timer, set now. */
  void pollSet() {
    inFlight++;
    physicalInFlight++;
  }

  /** Notes a copy's poll timer, fired or cancelled. */
  void pollDone() {
    inFlight--;
    physicalInFlight--;
  }

  /** Notes a copy another run started, which this round waits for: it reads its source already. */
  void awaiting(StepNode await) {
    if (perSource) {
      reads.started(await);
    }
  }

  /**
   * Issues the ready steps the caps allow, with {@code issue}, until {@code stopped}; the others
   * stay in {@code ready}, in order. Without the per-source rule, in the round's order; with it,
   * clones and deletions in the round's order, then copies one at a time as {@link SourceReads}
   * chooses them.
   */
  void pump(ArrayDeque<StepNode> ready, Consumer<StepNode> issue, BooleanSupplier stopped) {
    int size = ready.size();
    List<StepNode> copies = new ArrayList<>();
    for (int i = 0; i < size && !stopped.getAsBoolean(); i++) {
      StepNode n = ready.poll();
      if (n.status != Status.READY) {
        continue;
      }
      if (perSource && n.physical()) {
        copies.add(n);
      } else if (n.physical() ? physicalInFlight >= physicalCap : virtualInFlight >= virtualCap) {
        ready.add(n);
      } else {
        issue.accept(n);
      }
    }
    while (!copies.isEmpty() && physicalInFlight < physicalCap && !stopped.getAsBoolean()) {
      StepNode next = reads.next(copies);
      if (next == null) {
        break;
      }
      copies.remove(next);
      issue.accept(next);
    }
    ready.addAll(copies);
  }
}
