package dev.goldcopy.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-process test server with any number of workers, each a {@link WorkerFactory} of
 * its own, standing for one worker JVM.
 */
final class TemporalFixture implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final List<WorkerFactory> factories = new ArrayList<>();

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Starts one worker process on the default task queue. */
  WorkerFactory worker(ArrayRegistry arrays) {
    return worker(arrays, true);
  }

  /**
   * Starts one worker process. A worker that may be killed runs without a sticky queue: the test
   * server never moves a workflow task off a dead worker's sticky queue (a real server does, after
   * the sticky schedule-to-start timeout), so a task left there would wait forever.
   */
  WorkerFactory worker(ArrayRegistry arrays, boolean sticky) {
    WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
    Worker w = factory.newWorker(GoldcopyWorkers.TASK_QUEUE,
        WorkerOptions.newBuilder()
            .setStickyQueueScheduleToStartTimeout(sticky ? Duration.ofSeconds(1) : Duration.ZERO)
            .setMaxConcurrentActivityExecutionSize(200)
            .build());
    GoldcopyWorkers.register(w, arrays);
    factory.start();
    factories.add(factory);
    return factory;
  }

  /** Kills a worker process: polls stop and running tasks are interrupted. */
  static void kill(WorkerFactory factory) {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    for (WorkerFactory f : factories) {
      f.shutdownNow();
    }
    env.close();
  }
}
