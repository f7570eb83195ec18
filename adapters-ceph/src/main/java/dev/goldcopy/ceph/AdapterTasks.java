package dev.goldcopy.ceph;

import dev.goldcopy.spi.TransientArrayException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the adapter's work runs: each call's body on the adapter's own threads, its answer as a
 * stage; a physical copy on the copy threads; an inventory or capabilities read only once the
 * copies asked for before it are accepted (listed as copying). Once the threads are closed, every
 * call fails with {@link TransientArrayException}.
 */
final class AdapterTasks {
  private final Threads threads;
  private final InFlight inFlight;

  AdapterTasks(Threads threads, InFlight inFlight) {
    this.threads = threads;
    this.inFlight = inFlight;
  }

  /** Runs {@code body} on the adapter's threads; its value, or what it threw, is the answer. */
  <T> CompletableFuture<T> call(Supplier<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    run(result, body);
    return result;
  }

  /** Runs {@code body} on the adapter's threads and completes {@code result} with it. */
  <T> void run(CompletableFuture<T> result, Supplier<T> body) {
    try {
      threads.executor().execute(
          () -> {
            try {
              result.complete(body.get());
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closed());
    }
  }

  /** Runs {@code body} once the physical copies of {@code ns} (all if null) are listed. */
  <T> CompletionStage<T> afterAccepted(@Nullable String ns, Supplier<T> body) {
    List<CopyJob> jobs = inFlight.jobs(ns);
    CompletableFuture<?>[] accepted =
        jobs.stream().map(CopyJob::accepted).toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(accepted)
        .handle((ok, error) -> null)
        .thenCompose(ignored -> call(body));
  }

  /**
   * Runs {@code copy} on a copy thread, after {@code prepare}; if either cannot run, {@code job}
   * fails with the reason and stops.
   */
  void startCopy(CopyJob job, Runnable prepare, Runnable copy) {
    try {
      threads.copies().execute(
          () -> {
            try {
              prepare.run();
            } catch (RuntimeException e) {
              job.result().completeExceptionally(e);
              job.stop();
              return;
            }
            copy.run();
          });
    } catch (RejectedExecutionException e) {
      job.result().completeExceptionally(closed());
      job.stop();
    }
  }

  /** Stops the threads; copies running in their own processes are left to finish. */
  void close() {
    threads.close();
  }

  private static TransientArrayException closed() {
    return new TransientArrayException("the Ceph adapter is closed");
  }
}
