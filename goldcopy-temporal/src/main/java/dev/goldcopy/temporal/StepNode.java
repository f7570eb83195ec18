package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.StepDto;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One step of a round's plan, as the workflow tracks it. Workflow state. */
final class StepNode {
  enum Status {
    WAITING,
    READY,
    RUNNING,
    DONE,
    FAILED
  }

  final StepDto step;
  /** True for a wait on a copy another run started, which no plan step stands for. */
  final boolean await;
  Status status = Status.WAITING;
  int pendingDeps;
  @Nullable String sourceId;
  @Nullable String failure;
  /** For a copy: it reads its source on the array now (see {@link SourceReads}). */
  boolean reading;
  final List<StepNode> dependents = new ArrayList<>(0);
  /** For an await: the steps waiting for the copy. */
  final List<StepNode> waiters = new ArrayList<>(0);

  StepNode(StepDto step, boolean await) {
    this.step = step;
    this.await = await;
  }

  /**
   * The key a step's failures are counted under, as the in-process executor keys them: the name
   * it makes, or {@code delete:} and the container's id. A deletion of what a failed copy left is
   * not the copy, so the copy failing for good does not stop the deletion.
   */
  static String key(StepDto step) {
    return step.kind() == StepDto.Kind.DELETE
        ? "delete:" + java.util.Objects.requireNonNull(step.containerId(), "containerId")
        : step.name();
  }

  /**
   * Counts the steps that can still be issued: neither failed for good nor waiting, directly or
   * not, for one that did (a plan lists a step after the steps it depends on).
   *
   * @param failedForGood why the step of a {@link #key} failed for good
   */
  static int issuable(List<StepDto> steps, java.util.Map<String, String> failedForGood) {
    java.util.Set<String> out = new java.util.HashSet<>();
    int n = 0;
    for (StepDto s : steps) {
      boolean blocked = failedForGood.containsKey(key(s));
      for (String dep : s.dependsOn()) {
        blocked |= out.contains(dep);
      }
      if (blocked) {
        out.add(s.id());
      } else {
        n++;
      }
    }
    return n;
  }

  boolean physical() {
    return step.kind() == StepDto.Kind.REPLICA;
  }

  String describe() {
    return switch (step.kind()) {
      case REPLICA -> "replica " + step.name();
      case CLONE -> "clone " + step.name();
      case DELETE -> "delete " + step.name();
    };
  }

  /**
   * Fails every step that waits, directly or not, for {@code failed}, with why, and records the
   * reason for each clone's VM.
   */
  static void blockDependents(StepNode failed, java.util.Map<String, String> vmFailures) {
    java.util.ArrayDeque<StepNode> stack = new java.util.ArrayDeque<>();
    stack.push(failed);
    while (!stack.isEmpty()) {
      StepNode n = stack.pop();
      for (StepNode d : n.dependents) {
        if (d.status == Status.WAITING) {
          d.status = Status.FAILED;
          d.failure = "depends on " + failed.describe() + ", which failed: " + failed.failure;
          String vm = d.step.vm();
          if (vm != null) {
            vmFailures.put(vm, d.failure);
          }
          stack.push(d);
        }
      }
    }
  }
}
