package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.Carry;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.FleetRequest;
import dev.goldcopy.temporal.wire.FleetSummary;
import dev.goldcopy.temporal.wire.PolicyDto;
import dev.goldcopy.temporal.wire.StoreRequest;
import dev.goldcopy.temporal.wire.StoreResult;
import dev.goldcopy.temporal.wire.StoreSettings;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starts and finds store and fleet workflows, from any process with a {@link WorkflowClient}; no
 * adapter is needed here, only on the workers.
 *
 * <pre>{@code
 * StoreClient stores = StoreClient.builder(client).build();
 * StoreRun run = stores.converge(StoreRef.of("acme", "pool-1"), "array-1", demand);
 * StoreResult result = run.result();
 * }</pre>
 */
public final class StoreClient {
  private final WorkflowClient client;
  private final String taskQueue;
  private final PlanningPolicy policy;
  private final RetryPolicy retry;
  private final StoreSettings settings;

  private StoreClient(Builder b) {
    this.client = b.client;
    this.taskQueue = b.taskQueue;
    this.policy = b.policy;
    this.retry = b.retry;
    this.settings = b.settings;
  }

  /**
   * Returns a builder with the defaults: task queue {@link GoldcopyWorkers#TASK_QUEUE}, default
   * planning and retry policies, default {@link StoreOptions}.
   *
   * @param client the Temporal client
   * @return a new builder
   */
  public static Builder builder(WorkflowClient client) {
    return new Builder(requireNonNull(client, "client"));
  }

  /**
   * Starts converging a store to a demand, failing fast if another run drives the store.
   *
   * @param store the tenant and store
   * @param arrayId the array it lives on
   * @param demand its whole demand
   * @return the run
   * @throws StoreBusyException if a workflow already drives the store
   */
  public StoreRun converge(StoreRef store, String arrayId, Demand demand) {
    return start(request(store, arrayId, StoreRequest.Mode.CONVERGE, DemandDto.of(demand), null));
  }

  /**
   * Starts converging a store, or attaches to the run that already drives it (whose demand stays
   * as it is; send it the new one with {@link StoreRun#changeDemand} if it differs).
   *
   * @param store the tenant and store
   * @param arrayId the array it lives on
   * @param demand its whole demand
   * @return the run that drives the store
   */
  public StoreRun convergeOrAttach(StoreRef store, String arrayId, Demand demand) {
    try {
      return converge(store, arrayId, demand);
    } catch (StoreBusyException busy) {
      return attach(store);
    }
  }

  /**
   * Starts applying an approved plan: exactly its steps, stopping with the reason if the store
   * has drifted.
   *
   * @param store the tenant and store
   * @param arrayId the array it lives on
   * @param approved the approved plan
   * @return the run
   * @throws StoreBusyException if a workflow already drives the store
   */
  public StoreRun apply(StoreRef store, String arrayId, ApprovedPlanDto approved) {
    return start(request(store, arrayId, StoreRequest.Mode.APPLY, null, approved));
  }

  /**
   * Plans a store for approval and waits for the plan; nothing is changed on the array.
   *
   * @param store the tenant and store
   * @param arrayId the array it lives on
   * @param demand its whole demand
   * @return the result, {@code PREVIEWED} with the plan and its preconditions
   * @throws StoreBusyException if a workflow already drives the store
   */
  public StoreResult preview(StoreRef store, String arrayId, Demand demand) {
    return start(request(store, arrayId, StoreRequest.Mode.PREVIEW, DemandDto.of(demand), null))
        .result();
  }

  /**
   * Attaches to the workflow of a store.
   *
   * @param store the tenant and store
   * @return a handle on its workflow
   */
  public StoreRun attach(StoreRef store) {
    return new StoreRun(client, StoreWorkflowIds.of(store), null);
  }

  /**
   * Starts a fleet workflow: one child store workflow per target, {@code maxParallel} at once.
   *
   * @param fleetId the fleet workflow's id
   * @param stores the stores and their demands
   * @param maxParallel how many store workflows run at once
   * @return a handle whose {@code getResult} is the {@link FleetSummary}
   */
  public FleetWorkflow provision(String fleetId, List<FleetRequest.Target> stores, int maxParallel) {
    FleetWorkflow fleet = client.newWorkflowStub(FleetWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(fleetId).setTaskQueue(taskQueue).build());
    WorkflowClient.start(fleet::provision,
        new FleetRequest(stores, PolicyDto.of(policy), retry, settings, maxParallel));
    return client.newWorkflowStub(FleetWorkflow.class, fleetId);
  }

  private StoreRequest request(StoreRef store, String arrayId, StoreRequest.Mode mode,
      @Nullable DemandDto demand, @Nullable ApprovedPlanDto approved) {
    return new StoreRequest(store.tenant().value(), store.store().value(), arrayId, mode, demand,
        approved, PolicyDto.of(policy), retry, settings, Carry.empty());
  }

  private StoreRun start(StoreRequest request) {
    String id = StoreWorkflowIds.of(request.storeRef());
    StoreWorkflow stub = client.newWorkflowStub(StoreWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(taskQueue).build());
    try {
      WorkflowExecution e = WorkflowClient.start(stub::run, request);
      return new StoreRun(client, id, e.getRunId());
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new StoreBusyException(id, e);
    }
  }

  /** Builds a {@link StoreClient}; every setter returns this builder. */
  public static final class Builder {
    private final WorkflowClient client;
    private String taskQueue = GoldcopyWorkers.TASK_QUEUE;
    private PlanningPolicy policy = PlanningPolicy.defaults();
    private RetryPolicy retry = RetryPolicy.defaults();
    private StoreSettings settings = StoreOptions.builder().build();

    private Builder(WorkflowClient client) {
      this.client = client;
    }

    /**
     * Sets the workflows' task queue.
     *
     * @param value the task queue the workers poll
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder taskQueue(String value) {
      this.taskQueue = requireNonNull(value, "taskQueue");
      return this;
    }

    /**
     * Sets the planning policy, with the owner id written on every container made.
     *
     * @param value the policy
     * @return this builder
     * @throws IllegalArgumentException if it adopts by a rule or names by a strategy of its own,
     *     which cannot cross Temporal (see {@link PolicyDto})
     */
    @CanIgnoreReturnValue
    public Builder policy(PlanningPolicy value) {
      PolicyDto.of(requireNonNull(value, "policy")); // refuse one that cannot cross Temporal now
      this.policy = value;
      return this;
    }

    /**
     * Sets the retry policy of every array call.
     *
     * @param value the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder retry(RetryPolicy value) {
      this.retry = requireNonNull(value, "retry");
      return this;
    }

    /**
     * Sets the store workflows' settings.
     *
     * @param value the settings, from {@link StoreOptions}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder settings(StoreSettings value) {
      this.settings = requireNonNull(value, "settings");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public StoreClient build() {
      return new StoreClient(this);
    }
  }
}
