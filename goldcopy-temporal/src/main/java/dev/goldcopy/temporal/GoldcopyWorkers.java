package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * Registers Goldcopy's workflows and activities on a Temporal {@link Worker}. Every worker process
 * registers the same code; any number of them may poll the same task queues.
 *
 * <pre>{@code
 * WorkerFactory factory = WorkerFactory.newInstance(client);
 * GoldcopyWorkers.register(factory.newWorker(GoldcopyWorkers.TASK_QUEUE), arrays);
 * factory.start();
 * }</pre>
 */
public final class GoldcopyWorkers {
  /** The default task queue of store and fleet workflows (and of their activities). */
  public static final String TASK_QUEUE = "goldcopy";

  /** How often a copy activity heartbeats while it waits (Temporal throttles what it sends). */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);

  private GoldcopyWorkers() {}

  /**
   * Registers the workflows, the planning local activity and the array activities.
   *
   * @param worker the worker
   * @param arrays the adapters this process can reach
   */
  public static void register(Worker worker, ArrayRegistry arrays) {
    registerWorkflows(worker);
    registerArrayActivities(worker, arrays);
  }

  /**
   * Registers the store and fleet workflows and the planning local activity, which runs where
   * the workflow runs.
   *
   * @param worker a worker polling the workflows' task queue
   */
  public static void registerWorkflows(Worker worker) {
    requireNonNull(worker, "worker");
    worker.registerWorkflowImplementationFactory(StoreWorkflow.class, StoreWorkflowImpl::new);
    worker.registerWorkflowImplementationFactory(FleetWorkflow.class, FleetWorkflowImpl::new);
    worker.registerActivitiesImplementations(new PlanActivitiesImpl());
  }

  /**
   * Registers the array activities.
   *
   * @param worker a worker polling the activities' task queue
   * @param arrays the adapters this process can reach
   */
  public static void registerArrayActivities(Worker worker, ArrayRegistry arrays) {
    requireNonNull(worker, "worker");
    worker.registerActivitiesImplementations(new StoreActivitiesImpl(arrays, HEARTBEAT_EVERY));
  }

  /**
   * Starts a worker on {@link #TASK_QUEUE} with everything registered, for a process that needs
   * nothing else.
   *
   * @param factory the factory, not yet started
   * @param arrays the adapters this process can reach
   * @param options the worker's options (concurrency, rate limits)
   * @return the worker
   */
  public static Worker start(WorkerFactory factory, ArrayRegistry arrays, WorkerOptions options) {
    Worker worker = factory.newWorker(TASK_QUEUE, options);
    register(worker, arrays);
    factory.start();
    return worker;
  }
}
