package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.ArrayCall;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanCall;
import dev.goldcopy.temporal.wire.PlanResult;
import dev.goldcopy.temporal.wire.StepDto;
import dev.goldcopy.temporal.wire.StoreRequest;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The activity stubs of one store workflow and the calls it sends them. Workflow code.
 *
 * <p>Every call starts through {@link #uncancellable}: the workflow never asks Temporal to cancel
 * an activity. A cancel request for an activity whose completion reaches the server while the
 * workflow task that asks for the cancel is running races that completion; Temporal's test server
 * then refuses the whole workflow task ({@code ACTIVITY_UNKNOWN}) and the workflow makes no
 * progress again. A cancelled run instead stops issuing, aborts the copies it started by deleting
 * them (see {@link Cleanup}), and waits for its calls to come back; clones, deletions and
 * observations are single calls bounded by their timeouts.
 */
final class StoreCalls {
  private final StoreRequest request;
  private final String workflowId;
  private final StoreActivities observe;
  private final StoreActivities copy;
  private final StoreActivities clone;
  private final StoreActivities delete;
  private final PlanActivities plan;
  private final Set<String> recreatable = new HashSet<>();

  StoreCalls(StoreRequest request, String workflowId) {
    this.request = request;
    this.workflowId = workflowId;
    this.observe = Workflow.newActivityStub(StoreActivities.class,
        RetryMapping.observe(request.retry(), request.settings()));
    this.copy = Workflow.newActivityStub(StoreActivities.class,
        RetryMapping.copy(request.retry(), request.settings()));
    this.clone = Workflow.newActivityStub(StoreActivities.class,
        RetryMapping.clone(request.retry(), request.settings()));
    this.delete = Workflow.newActivityStub(StoreActivities.class,
        RetryMapping.delete(request.retry(), request.settings()));
    this.plan = Workflow.newLocalActivityStub(PlanActivities.class, RetryMapping.plan());
  }

  /** Takes the demand in force, for the persistent label of the clones it makes. */
  void demand(DemandDto demand) {
    recreatable.clear();
    recreatable.addAll(demand.recreatable());
  }

  /** Lists the store and reads the array's capabilities; waits for the answer. */
  ObservationDto observe() {
    ArrayCall call = observation();
    return uncancellable(() -> Async.function(observe::observe, call)).get();
  }

  /** Plans, as a local activity; waits for the answer. */
  PlanResult plan(PlanCall call) {
    return uncancellable(() -> Async.function(plan::plan, call)).get();
  }

  /**
   * Starts a call in a detached scope, which no cancel of the run reaches, so that Temporal is
   * never asked to cancel it.
   */
  static <R> Promise<R> uncancellable(Functions.Func<Promise<R>> start) {
    List<Promise<R>> started = new ArrayList<>(1);
    Workflow.newDetachedCancellationScope(() -> started.add(start.apply())).run();
    return started.get(0);
  }

  StoreActivities stub(StepDto.Kind kind) {
    return switch (kind) {
      case REPLICA -> copy;
      case CLONE -> clone;
      case DELETE -> delete;
    };
  }

  /** A deletion, by container id; no labels. */
  ArrayCall delete(String containerId) {
    return call(ArrayCall.Op.DELETE, containerId, null, Map.of());
  }

  ArrayCall observation() {
    return call(ArrayCall.Op.OBSERVE, "", null, Map.of());
  }

  ArrayCall call(StepDto step, @Nullable String sourceId) {
    return switch (step.kind()) {
      case REPLICA -> call(ArrayCall.Op.COPY, step.name(), sourceId, labels(step));
      case CLONE -> call(ArrayCall.Op.CLONE, step.name(), sourceId, labels(step));
      case DELETE -> delete(Objects.requireNonNull(step.containerId(), "containerId"));
    };
  }

  Duration pollInterval() {
    return request.settings().copyPollInterval();
  }

  private Map<String, String> labels(StepDto step) {
    String vm = step.vm();
    return WorkflowLabels.of(step, request.policy().ownerId(),
        vm != null && !recreatable.contains(vm), workflowId);
  }

  private ArrayCall call(ArrayCall.Op op, String target, @Nullable String sourceId,
      Map<String, String> labels) {
    return new ArrayCall(request.arrayId(), request.tenant(), request.store(), op, target,
        sourceId, labels, request.settings().copyHold().toMillis(), request.retry());
  }
}
