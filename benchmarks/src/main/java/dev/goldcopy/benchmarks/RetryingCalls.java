package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.Labels;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Repeats an array call that failed with a retryable error (busy, or a transient error whose
 * outcome is unknown), as any real driver does: after the array's retry-after hint, or after a
 * fixed pause. Creation is idempotent by name, so repeating a create is safe. Non-retryable errors
 * are passed on unchanged.
 */
final class RetryingCalls {
  /** The pause before a retry when the array gives no hint. */
  static final Duration DEFAULT_PAUSE = Duration.ofMillis(200);

  /** How many times one call is repeated before its last error is passed on. */
  static final int MAX_ATTEMPTS = 50;

  /** How many times a physical copy that failed half-way is deleted and made again. */
  static final int MAX_COPY_ATTEMPTS = 5;

  private final DelayScheduler scheduler;
  private int retries;

  RetryingCalls(DelayScheduler scheduler) {
    this.scheduler = requireNonNull(scheduler, "scheduler");
  }

  /** Returns how many retries were made so far. */
  int retries() {
    return retries;
  }

  /**
   * Makes the call, repeating it on retryable errors.
   *
   * @param call makes one attempt
   * @return the first successful result, or the first non-retryable (or last) error, unwrapped
   */
  <T> CompletableFuture<T> call(Supplier<? extends CompletionStage<T>> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(call, result, 1);
    return result;
  }

  private <T> void attempt(
      Supplier<? extends CompletionStage<T>> call, CompletableFuture<T> result, int attempt) {
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    whenDone(
        stage,
        (value, error) -> {
          if (error == null) {
            result.complete(value);
            return;
          }
          Throwable cause = unwrap(error);
          if (cause instanceof ArrayException arrayError
              && arrayError.retryable()
              && attempt < MAX_ATTEMPTS) {
            retries++;
            Duration pause =
                cause instanceof BusyException busy
                    ? busy.retryAfter().orElse(DEFAULT_PAUSE)
                    : DEFAULT_PAUSE;
            scheduler.schedule(pause, () -> attempt(call, result, attempt + 1));
          } else {
            result.completeExceptionally(cause);
          }
        });
  }

  /**
   * Physically copies {@code source} into a new master named {@code name}, repeating on retryable
   * errors; a copy that fails half-way is deleted and made again, up to {@link #MAX_COPY_ATTEMPTS}
   * times, so no failed container is left behind.
   *
   * @param array the array
   * @param store the calling tenant and store
   * @param source the master to copy
   * @param name the new master's name
   * @return the ready copy, or the error that ended the attempts
   */
  CompletableFuture<Container> copyWithCleanup(
      ArrayAdapter array, StoreRef store, ContainerId source, String name) {
    CompletableFuture<Container> result = new CompletableFuture<>();
    copyAttempt(array, store, source, name, result, 1);
    return result;
  }

  private void copyAttempt(
      ArrayAdapter array,
      StoreRef store,
      ContainerId source,
      String name,
      CompletableFuture<Container> result,
      int attempt) {
    CompletableFuture<Container> copy = call(() -> array.createPhysicalCopy(store, source, name, Labels.empty()));
    whenDone(
        copy,
        (container, error) -> {
          if (error == null) {
            result.complete(container);
            return;
          }
          Throwable cause = unwrap(error);
          if (cause instanceof CopyFailedException failed && attempt < MAX_COPY_ATTEMPTS) {
            retries++;
            CompletableFuture<Void> deleted = call(() -> array.delete(store, failed.container()));
            whenDone(
                deleted,
                (ignored, deleteError) -> {
                  if (deleteError == null) {
                    copyAttempt(array, store, source, name, result, attempt + 1);
                  } else {
                    result.completeExceptionally(unwrap(deleteError));
                  }
                });
          } else {
            result.completeExceptionally(cause);
          }
        });
  }

  /**
   * Runs {@code action} when {@code stage} completes, on the thread that completes it. The callers
   * of this class keep their own result future, so the stage {@code whenComplete} returns is not
   * needed.
   *
   * @param stage the stage to watch
   * @param action receives the value, or the error and a null value
   */
  static <T> void whenDone(
      CompletionStage<T> stage, BiConsumer<? super T, ? super Throwable> action) {
    CompletionStage<T> unused = stage.whenComplete(action);
  }

  /**
   * Strips the wrappers a stage puts around the error the array reported.
   *
   * @param error what a stage failed with
   * @return the innermost cause that is not a completion or execution wrapper
   */
  static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
