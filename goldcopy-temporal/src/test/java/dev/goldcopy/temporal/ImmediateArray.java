package dev.goldcopy.temporal;

import dev.goldcopy.sim.SimulatedArray;
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
 * A simulated array with no latency, safe for many threads: each call runs the simulator until
 * its answer, under the simulator's lock, and returns it completed. For measuring orchestration
 * overhead, where the array should cost nothing.
 */
final class ImmediateArray implements ArrayAdapter {
  private final SimulatedArray sim;

  ImmediateArray(SimulatedArray sim) {
    this.sim = sim;
  }

  private <T> CompletionStage<T> now(Supplier<CompletionStage<T>> op) {
    try {
      synchronized (sim) {
        return CompletableFuture.completedFuture(sim.await(op.get()));
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return now(() -> sim.capabilities(store));
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    return now(() -> sim.inventory(store));
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return now(() -> sim.createPhysicalCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return now(() -> sim.createVirtualCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return now(() -> sim.delete(store, container));
  }
}
