package dev.goldcopy.sim;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** One call in flight: its stage, what it asked, and the faults drawn for it. */
final class PendingCall<T> {
  final CompletableFuture<T> future = new CompletableFuture<>();
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
}
