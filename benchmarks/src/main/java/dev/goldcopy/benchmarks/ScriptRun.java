package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the baseline scripts share in one provisioning run: the store, the origin and the clone
 * names, retried calls, the result, the copy and clone slots sized from the array's declared
 * concurrency, the sizing ({@code max(1, ceil(N / L))} masters, {@code L} clones each), and the
 * loops that copy a master and make a master's clones, each ending the run at the first error that
 * is not retried.
 *
 * <p>Threading: meant for the simulated array's single event loop.
 */
class ScriptRun {
  final ArrayAdapter array;
  final StoreRef store;
  final Container origin;
  final List<String> cloneNames;
  final RetryingCalls calls;
  final CompletableFuture<Void> result = new CompletableFuture<>();
  Slots copies = new Slots(0);
  Slots clones = new Slots(0);
  /** The masters the clones need, the origin included. */
  int mastersNeeded;
  /** The clones each master serves. */
  int perMaster;
  private int clonesDone;

  ScriptRun(
      ArrayAdapter array,
      DelayScheduler scheduler,
      StoreRef store,
      Container origin,
      List<String> cloneNames) {
    this.array = array;
    this.store = store;
    this.origin = origin;
    this.cloneNames = cloneNames;
    this.calls = new RetryingCalls(scheduler);
  }

  /**
   * Sizes the run from {@code capabilities} and opens its slots.
   *
   * @return false if there is nothing to make (the result is then complete)
   */
  final boolean open(ArrayCapabilities capabilities) {
    int limit = capabilities.maxVirtualCopiesPerSource();
    mastersNeeded = SequentialCopyStrategy.mastersNeeded(cloneNames.size(), limit);
    perMaster = ArrayCapabilities.isLimited(limit) ? limit : Math.max(1, cloneNames.size());
    copies = new Slots(capabilities.maxConcurrentPhysicalCopies());
    clones = new Slots(capabilities.maxConcurrentVirtualCopies());
    if (cloneNames.isEmpty()) {
      result.complete(null);
      return false;
    }
    return true;
  }

  /** Ends the run with {@code error}, if there is one; returns whether there was. */
  final boolean failed(@Nullable Throwable error) {
    if (error == null) {
      return false;
    }
    result.completeExceptionally(RetryingCalls.unwrap(error));
    return true;
  }

  /**
   * Copies {@code source} into a new master {@code name} in a copy slot; {@code then} hears of the
   * copy once it is ready and the slot is free.
   */
  final void copy(ContainerId source, String name, Consumer<Container> then) {
    copies.submit(
        () ->
            RetryingCalls.whenDone(
                calls.copyWithCleanup(array, store, source, name),
                (made, error) -> {
                  copies.release();
                  if (!failed(error)) {
                    then.accept(made);
                  }
                }));
  }

  /** Queues the clones of master {@code k}: clones {@code k * L} to {@code (k + 1) * L - 1}. */
  final void startClones(Container master, int k) {
    int end = (int) Math.min(cloneNames.size(), (long) (k + 1) * perMaster);
    for (int i = k * perMaster; i < end; i++) {
      String name = cloneNames.get(i);
      clones.submit(() -> clone(master, name));
    }
  }

  private void clone(Container master, String name) {
    RetryingCalls.whenDone(
        calls.call(() -> array.createVirtualCopy(store, master.id(), name, Labels.empty())),
        (made, error) -> {
          clones.release();
          if (!failed(error) && ++clonesDone == cloneNames.size()) {
            result.complete(null);
          }
        });
  }
}
