package dev.goldcopy.execute;

import dev.goldcopy.execute.StepNode.Kind;
import dev.goldcopy.spi.ArrayCapabilities;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of a run: its plan's {@link StepGraph}, the {@link ArrayView} it planned from, the
 * steps ready to issue by kind, the calls in flight by kind against this round's limits, the steps
 * waiting for a copy another run started, and whether anything succeeded. Made when a round starts
 * and dropped when it ends; what outlives it is in the {@link RunLedger}.
 */
final class Round {
  final StepGraph graph;
  final ArrayView view;
  /** The most physical copies in flight: the caller's cap and the array's declared limit. */
  final int physicalCap;
  /** The most virtual copies, and deletions, in flight. */
  final int virtualCap;
  /** The most physical copies reading one source at once: what the array says it feeds. */
  final int sourceFeeds;

  final ArrayDeque<StepNode> readyDeletes = new ArrayDeque<>();
  final ArrayDeque<StepNode> readyReplicas = new ArrayDeque<>();
  final ArrayDeque<StepNode> readyClones = new ArrayDeque<>();
  /** Steps waiting for a copy another run started, by the copy's name. */
  final Map<String, List<StepNode>> awaiting = new HashMap<>();

  int physicalInFlight;
  int virtualInFlight;
  int deletionsInFlight;
  /** Calls that succeeded this round; a round with none made no progress. */
  int successes;
  /** Set when a failure shows the array is not as planned: the round ends and plans again. */
  boolean replanRequested;

  Round(StepGraph graph, ArrayView view, int physicalCap, int virtualCap) {
    this(graph, view, physicalCap, virtualCap, Integer.MAX_VALUE);
  }

  Round(StepGraph graph, ArrayView view, int physicalCap, int virtualCap, int sourceFeeds) {
    this.graph = graph;
    this.view = view;
    this.physicalCap = physicalCap;
    this.virtualCap = virtualCap;
    this.sourceFeeds = sourceFeeds;
  }

  /** Returns the round's limits: the caller's caps, lowered to what the array declares. */
  static Round of(
      StepGraph graph, ArrayView view, ArrayCapabilities caps, int callerPhysical, int callerVirtual) {
    return new Round(
        graph,
        view,
        Math.min(callerPhysical, declared(caps.maxConcurrentPhysicalCopies())),
        Math.min(callerVirtual, declared(caps.maxConcurrentVirtualCopies())),
        caps.copiesOneSourceFeeds());
  }

  private static int declared(int maximum) {
    return ArrayCapabilities.isLimited(maximum) ? maximum : Integer.MAX_VALUE;
  }

  /** Queues {@code n} behind the ready steps of its kind. */
  void ready(StepNode n) {
    queue(n.kind).add(n);
  }

  /** Queues {@code n} ahead of the ready steps of its kind (a retry goes first). */
  void readyFirst(StepNode n) {
    queue(n.kind).addFirst(n);
  }

  /** Returns whether a step waits for a slot. */
  boolean hasReadyWork() {
    return !readyDeletes.isEmpty() || !readyReplicas.isEmpty() || !readyClones.isEmpty();
  }

  private ArrayDeque<StepNode> queue(Kind kind) {
    return switch (kind) {
      case DELETE -> readyDeletes;
      case REPLICA -> readyReplicas;
      case CLONE -> readyClones;
    };
  }
}
