package dev.goldcopy.execute;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.spi.ContainerId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One step of the current round's plan with its run-time state. Touched by the run only. */
final class StepNode {
  /** The kinds of step, by what they do to the array. */
  enum Kind {
    REPLICA,
    CLONE,
    DELETE
  }

  /** Where a step is in the round. */
  enum Status {
    /** Waiting for dependencies or for its source to be ready. */
    WAITING,
    /** Queued for a concurrency slot. */
    READY,
    /** Its call is in flight. */
    RUNNING,
    /** Waiting to be made again (back-off, or a failed copy being deleted). */
    RETRY_WAIT,
    /** Finished. */
    DONE,
    /** Failed for this round, or blocked by a failed dependency. */
    FAILED
  }

  final PlanStep step;
  final Kind kind;
  /** What identifies the step's effect across plans: the name it makes, or the id it deletes. */
  final String key;

  int pendingDeps;
  int attempts;
  Status status = Status.WAITING;
  @Nullable ContainerId source;
  @Nullable String failure;
  private @Nullable List<StepNode> dependents;

  StepNode(PlanStep step) {
    this.step = step;
    if (step instanceof CreateReplica r) {
      this.kind = Kind.REPLICA;
      this.key = r.name();
    } else if (step instanceof CreateClone c) {
      this.kind = Kind.CLONE;
      this.key = c.name();
    } else {
      this.kind = Kind.DELETE;
      this.key = "delete:" + ((DeleteContainer) step).container().value();
    }
  }

  void addDependent(StepNode node) {
    List<StepNode> list = dependents;
    if (list == null) {
      list = new ArrayList<>(4);
      dependents = list;
    }
    list.add(node);
  }

  /**
   * Lets the dependents go once this step is done and they have heard of it: nothing walks a done
   * step's dependents again, and a million clones of finished replicas need not stay reachable.
   */
  void releaseDependents() {
    dependents = null;
  }

  List<StepNode> dependents() {
    List<StepNode> list = dependents;
    return list == null ? List.of() : list;
  }

  /** Returns the name of the container the step creates, or null for a deletion. */
  @Nullable String createdName() {
    return kind == Kind.DELETE ? null : key;
  }

  /** Returns a short description for messages. */
  String describe() {
    if (step instanceof CreateReplica r) {
      return "replica " + r.name();
    } else if (step instanceof CreateClone c) {
      return "clone " + c.name();
    } else {
      return "deletion of " + ((DeleteContainer) step).name();
    }
  }
}
