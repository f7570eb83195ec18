package dev.goldcopy.sim;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One call in flight: what it asked, the faults drawn for it, and the stage its caller gets. The
 * call is its own stage, so that a million calls in flight cost one object each rather than a
 * future, a read-only view of it and the link between them; like {@link
 * CompletableFuture#minimalCompletionStage()}, only the array completes it (every method that would
 * complete it from outside throws {@link UnsupportedOperationException}) and {@link
 * #toCompletableFuture()} returns a separate future that follows it.
 */
@SuppressWarnings("FutureReturnValueIgnored")
final class PendingCall<T> extends CompletableFuture<T> {
  final Operation operation;
  final StoreRef store;
  final @Nullable ContainerId subject;
  final @Nullable String name;
  final long calledAt;
  /** The answer to a success is lost. */
  boolean lost;
  /** Extra delay before the answer arrives. */
  long spikeNanos;
  /** The array's restart count when the call began; an answer after a restart is lost. */
  int restarts;
  /** The container a create made or found, for the record. */
  @Nullable ContainerId result;

  PendingCall(
      Operation operation,
      StoreRef store,
      @Nullable ContainerId subject,
      @Nullable String name,
      long calledAt) {
    this.operation = operation;
    this.store = store;
    this.subject = subject;
    this.name = name;
    this.calledAt = calledAt;
  }

  /** Answers the call with {@code value}. */
  void succeed(@Nullable T value) {
    super.complete(value);
  }

  /** Answers the call with {@code error}. */
  void fail(Throwable error) {
    super.completeExceptionally(error);
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    CompletableFuture<T> copy = new CompletableFuture<>();
    whenComplete(
        (value, error) -> {
          if (error != null) {
            copy.completeExceptionally(error);
          } else {
            copy.complete(value);
          }
        });
    return copy;
  }

  @Override
  public boolean complete(T value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void obtrudeValue(T value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void obtrudeException(Throwable ex) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<T> completeOnTimeout(T value, long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }
}
