package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.Carry;
import dev.goldcopy.temporal.wire.FleetRequest;
import dev.goldcopy.temporal.wire.FleetSummary;
import dev.goldcopy.temporal.wire.StoreRequest;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.VmResult;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The fleet workflow: a window of child store workflows over the request's stores. */
final class FleetWorkflowImpl implements FleetWorkflow {
  private record Done(int index, @Nullable StoreResult result, @Nullable Throwable error) {}

  private final List<FleetSummary.@Nullable Line> lines = new ArrayList<>();
  private final TreeMap<String, Integer> byStatus = new TreeMap<>();
  private int requested;
  private int finished;
  private int provisioned;
  private int alreadyThere;
  private int failed;
  private int unmet;
  private int unfinished;

  FleetWorkflowImpl() {}

  @Override
  public FleetSummary provision(FleetRequest request) {
    List<FleetRequest.Target> stores = request.stores();
    requested = stores.size();
    for (int i = 0; i < requested; i++) {
      lines.add(null);
    }
    ArrayDeque<Done> done = new ArrayDeque<>();
    int next = 0;
    int running = 0;
    while (next < requested || running > 0) {
      while (running < request.maxParallel() && next < requested) {
        start(request, next, done);
        next++;
        running++;
      }
      Workflow.await(() -> !done.isEmpty());
      while (!done.isEmpty()) {
        record(stores, done.poll());
        running--;
      }
    }
    return summary();
  }

  private static void start(FleetRequest request, int index, ArrayDeque<Done> done) {
    FleetRequest.Target t = request.stores().get(index);
    ChildWorkflowOptions options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(StoreWorkflowIds.of(t.tenant(), t.store()))
            .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
            .build();
    StoreWorkflow child = Workflow.newChildWorkflowStub(StoreWorkflow.class, options);
    StoreRequest r = new StoreRequest(t.tenant(), t.store(), t.arrayId(),
        StoreRequest.Mode.CONVERGE, t.demand(), null, request.policy(), request.retry(),
        request.settings(), Carry.empty());
    Async.function(child::run, r).handle((result, error) -> done.add(new Done(index, result, error)));
  }

  private void record(List<FleetRequest.Target> stores, Done d) {
    FleetRequest.Target t = stores.get(d.index());
    finished++;
    StoreResult r = d.result();
    String status;
    String reason;
    if (r != null) {
      status = r.status().name();
      reason = r.reason();
      provisioned += r.count(VmResult.Kind.PROVISIONED);
      alreadyThere += r.count(VmResult.Kind.ALREADY_THERE);
      failed += r.count(VmResult.Kind.FAILED);
      unmet += r.count(VmResult.Kind.UNMET);
      unfinished += r.count(VmResult.Kind.UNFINISHED);
    } else {
      Throwable e = d.error();
      boolean busy = e instanceof ChildWorkflowFailure && e.getCause() instanceof WorkflowExecutionAlreadyStarted;
      status = busy ? "BUSY" : "FAILED";
      reason = busy ? "another run already drives this store"
          : "the store workflow failed: " + (e == null ? "unknown" : e.getMessage());
    }
    byStatus.merge(status, 1, Integer::sum);
    lines.set(d.index(), new FleetSummary.Line(t.tenant(), t.store(), status, reason));
  }

  @Override
  public FleetSummary summary() {
    List<FleetSummary.Line> done = new ArrayList<>();
    for (FleetSummary.Line l : lines) {
      if (l != null) {
        done.add(l);
      }
    }
    return new FleetSummary(requested, finished, byStatus, provisioned, alreadyThere, failed,
        unmet, unfinished, done);
  }
}
