package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.ArrayCall;
import dev.goldcopy.temporal.wire.StepDto;
import dev.goldcopy.temporal.wire.StoreRequest;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import dev.goldcopy.temporal.wire.DemandDto;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The activity stubs of one store workflow and the calls it sends them. Workflow code. */
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

  StoreActivities observer() {
    return observe;
  }

  PlanActivities planner() {
    return plan;
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
