package dev.goldcopy.execute;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Every call a run makes to the array, and the only place that makes them. Each answer comes back
 * as a task of the run's {@link Mailbox}, with the error unwrapped; a call that throws instead of
 * returning a stage is answered with that error. Counts the calls in flight (readable from any
 * thread) and the calls that failed.
 */
// inFlight is volatile for progress readers and written by mailbox tasks only: one writer.
@SuppressWarnings("NonAtomicVolatileUpdate")
final class ArrayCalls {
  /** What a run needs to know of the array before it plans. */
  record Observation(ArrayCapabilities capabilities, Inventory inventory) {}

  /** The answer to one call: a value, or the error it failed with. */
  @FunctionalInterface
  interface Callback<T> {
    void done(@Nullable T value, @Nullable Throwable error);
  }

  private final ArrayAdapter adapter;
  private final StoreRef store;
  private final Mailbox mailbox;
  private volatile int inFlight;
  private int failures;

  ArrayCalls(ArrayAdapter adapter, StoreRef store, Mailbox mailbox) {
    this.adapter = adapter;
    this.store = store;
    this.mailbox = mailbox;
  }

  /** Reads the capabilities, then the inventory. */
  void observe(Callback<Observation> then) {
    inFlight++;
    CompletionStage<Observation> stage;
    try {
      stage =
          adapter
              .capabilities(store)
              .thenCompose(
                  caps -> adapter.inventory(store).thenApply(inv -> new Observation(caps, inv)));
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    answer(stage, true, then);
  }

  /** Reads the inventory alone. */
  void inventory(Callback<Inventory> then) {
    inFlight++;
    CompletionStage<Inventory> stage;
    try {
      stage = adapter.inventory(store);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    answer(stage, true, then);
  }

  /** Asks for a physical copy of {@code source} named {@code name}; a change to the array. */
  void createPhysicalCopy(ContainerId source, String name, Labels labels, Callback<Container> then) {
    inFlight++;
    CompletionStage<Container> stage;
    try {
      stage = adapter.createPhysicalCopy(store, source, name, labels);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    answer(stage, true, then);
  }

  /** Asks for a virtual copy of {@code source} named {@code name}; a change to the array. */
  void createVirtualCopy(ContainerId source, String name, Labels labels, Callback<Container> then) {
    inFlight++;
    CompletionStage<Container> stage;
    try {
      stage = adapter.createVirtualCopy(store, source, name, labels);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    answer(stage, true, then);
  }

  /** Deletes {@code container}; a change to the array. */
  void delete(ContainerId container, Callback<Void> then) {
    inFlight++;
    CompletionStage<Void> stage;
    try {
      stage = adapter.delete(store, container);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    answer(stage, false, then);
  }

  /** Returns how many calls have not been answered yet. */
  int inFlight() {
    return Math.max(0, inFlight);
  }

  /** Returns how many calls failed (or answered no value where one was due). */
  int failures() {
    return failures;
  }

  StoreRef store() {
    return store;
  }

  private <T> void answer(CompletionStage<T> stage, boolean valueDue, Callback<T> then) {
    stage.whenComplete(
        (value, error) ->
            mailbox.handOff(
                () -> {
                  inFlight--;
                  if (error != null || (valueDue && value == null)) {
                    failures++;
                  }
                  then.done(value, unwrap(error));
                }));
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
