package dev.goldcopy.temporal;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One worker process's connection to a shared array. {@link #kill()} is the process dying: calls
 * it already sent take effect on the array, but their answers never arrive, and nothing more is
 * sent.
 */
final class KillableAdapter implements ArrayAdapter {
  private final ArrayAdapter array;
  private volatile boolean dead;

  KillableAdapter(ArrayAdapter array) {
    this.array = array;
  }

  void kill() {
    dead = true;
  }

  private <T> CompletionStage<T> call(Supplier<CompletionStage<T>> op) {
    CompletableFuture<T> out = new CompletableFuture<>();
    if (dead) {
      return out;
    }
    op.get().whenComplete((v, e) -> {
      if (dead) {
        return;
      }
      if (e != null) {
        out.completeExceptionally(e);
      } else {
        out.complete(v);
      }
    });
    return out;
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return call(() -> array.capabilities(store));
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    return call(() -> array.inventory(store));
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return call(() -> array.createPhysicalCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return call(() -> array.createVirtualCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return call(() -> array.delete(store, container));
  }
}
