package dev.goldcopy.execute;

import dev.goldcopy.execute.StepNode.Kind;
import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.ReplicationPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The steps of one round's plan as {@link StepNode}s, each linked to the steps that depend on it,
 * in the plan's order. Marks the steps that failed for good in earlier rounds, and blocks what
 * depends on a failed step.
 */
final class StepGraph {
  /** Hears of each step {@link #block} fails. */
  @FunctionalInterface
  interface Blocked {
    /**
     * Hears that {@code node} is blocked because {@code root} failed.
     *
     * @param root the step that failed
     * @param node the step blocked, directly or not, by it
     * @param reason why, naming {@code root}
     */
    void blocked(StepNode root, StepNode node, String reason);
  }

  /** The graph of no plan. */
  static final StepGraph EMPTY = new StepGraph(List.of(), 0, 0, 0);

  /**
   * The least number of finished clones {@link #finished} lets go at once, and the share of the
   * nodes they must be: dropping them costs a pass over the nodes, so it is done rarely.
   */
  private static final int RELEASE_BATCH = 4096;

  private final List<StepNode> nodes;
  /** Clones this run made since the nodes were last compacted; see {@link #finished}. */
  private int madeSinceCompacted;
  private final int replicas;
  private final int clones;
  private final int deletions;

  private StepGraph(List<StepNode> nodes, int replicas, int clones, int deletions) {
    this.nodes = nodes;
    this.replicas = replicas;
    this.clones = clones;
    this.deletions = deletions;
  }

  /** Builds the graph of {@code plan}; a dependency on a step the plan lacks is ignored. */
  static StepGraph of(ReplicationPlan plan) {
    List<PlanStep> steps = plan.steps();
    List<StepNode> list = new ArrayList<>(steps.size());
    // Clones are leaves in every plan the planner makes; they are indexed by id only if a step
    // turns out to depend on one, which keeps the index small for plans of a million clones.
    Map<String, StepNode> byStepId = new HashMap<>();
    Map<String, StepNode> clonesById = null;
    int replicas = 0;
    int clones = 0;
    int deletions = 0;
    for (PlanStep s : steps) {
      StepNode n = new StepNode(s);
      list.add(n);
      if (n.kind != Kind.CLONE) {
        byStepId.put(s.id(), n);
      }
      List<String> deps = s.dependsOn();
      for (int i = 0; i < deps.size(); i++) { // indexed: no iterator for each of a million steps
        String dep = deps.get(i);
        StepNode d = byStepId.get(dep);
        if (d == null) {
          if (clonesById == null) {
            clonesById = clonesSoFar(list);
          }
          d = clonesById.get(dep);
        }
        if (d != null) {
          n.pendingDeps++;
          d.addDependent(n);
        }
      }
      switch (n.kind) {
        case REPLICA -> replicas++;
        case CLONE -> {
          clones++;
          if (clonesById != null) {
            clonesById.put(s.id(), n);
          }
        }
        case DELETE -> deletions++;
      }
    }
    return new StepGraph(list, replicas, clones, deletions);
  }

  private static Map<String, StepNode> clonesSoFar(List<StepNode> list) {
    Map<String, StepNode> clonesById = new HashMap<>();
    for (StepNode earlier : list) {
      if (earlier.kind == Kind.CLONE) {
        clonesById.put(earlier.step.id(), earlier);
      }
    }
    return clonesById;
  }

  /**
   * Notes that the run made the clone of {@code n} (the {@link RunLedger} holds its VM, name and
   * id), and now and then drops such clones from the nodes: nothing asks for a made clone's node
   * again, and a round of a million clones need not keep a million finished nodes and their steps.
   * Clones marked done without being issued (their work was on the array already) are kept.
   */
  void finished(StepNode n) {
    if (n.kind != Kind.CLONE || n.attempts == 0) {
      return;
    }
    madeSinceCompacted++;
    if (madeSinceCompacted >= RELEASE_BATCH && madeSinceCompacted * 2L >= nodes.size()) {
      nodes.removeIf(x -> x.kind == Kind.CLONE && x.status == Status.DONE && x.attempts > 0);
      madeSinceCompacted = 0;
    }
  }

  /**
   * The round is over: drops the nodes nothing reads again, those done (a clone only if this run
   * made it: the {@link RunLedger} has its name), so that only what the result may report stays
   * while the array is read once more and the next round is planned.
   */
  void roundEnded() {
    if (nodes.isEmpty()) {
      return;
    }
    nodes.removeIf(n -> n.status == Status.DONE && (n.kind != Kind.CLONE || n.attempts > 0));
    madeSinceCompacted = 0;
  }

  /**
   * Returns the nodes in the plan's order; done steps may have been dropped ({@link #finished},
   * {@link #roundEnded}).
   */
  List<StepNode> nodes() {
    return nodes;
  }

  int replicas() {
    return replicas;
  }

  int clones() {
    return clones;
  }

  int deletions() {
    return deletions;
  }

  /**
   * Marks each step that failed for good in an earlier round as failed again, and blocks what
   * depends on it.
   *
   * @param failedForGood why the step that makes a key failed for good, or null
   * @param blocked told of each step blocked
   * @return how many steps can still be issued
   */
  int carryFailures(
      Function<String, @Nullable String> failedForGood,
      Blocked blocked) {
    for (StepNode n : nodes) {
      if (n.status != Status.FAILED) {
        String earlier = failedForGood.apply(n.key);
        if (earlier != null) {
          n.status = Status.FAILED;
          n.failure = earlier;
          block(n, earlier, blocked);
        }
      }
    }
    int issuable = 0;
    for (StepNode n : nodes) {
      if (n.status == Status.WAITING) {
        issuable++;
      }
    }
    return issuable;
  }

  /**
   * Fails every step that waits, directly or not, on {@code failed}, with a reason naming it.
   *
   * @param failed the step that failed
   * @param why why it failed
   * @param blocked told of each step blocked, depth first
   */
  void block(StepNode failed, String why, Blocked blocked) {
    ArrayDeque<StepNode> stack = new ArrayDeque<>();
    stack.push(failed);
    while (!stack.isEmpty()) {
      StepNode n = stack.pop();
      for (StepNode d : n.dependents()) {
        if (d.status == Status.WAITING) {
          String reason = "depends on " + failed.describe() + ", which failed: " + why;
          d.status = Status.FAILED;
          d.failure = reason;
          blocked.blocked(failed, d, reason);
          stack.push(d);
        }
      }
    }
  }

  /**
   * Marks {@code n}, not yet issued, as done already (its work is on the array), and frees the
   * steps that waited for it.
   */
  void markDone(StepNode n) {
    if (n.status != Status.WAITING) {
      return;
    }
    n.status = Status.DONE;
    for (StepNode d : n.dependents()) {
      d.pendingDeps--;
    }
  }
}
