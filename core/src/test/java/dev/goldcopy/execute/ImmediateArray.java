package dev.goldcopy.execute;

import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletionStage;

/**
 * Wraps a {@link FakeArray} so every call has finished when it returns (its loop is run to idle
 * inside the call), for the synchronous entry point on real threads. Calls are serialized.
 */
final class ImmediateArray implements ArrayAdapter {
  private final FakeArray array;

  ImmediateArray(FakeArray array) {
    this.array = array;
  }

  private synchronized <T> CompletionStage<T> settle(CompletionStage<T> stage) {
    array.loop.runUntilIdle();
    return stage;
  }

  @Override
  public synchronized CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return settle(array.capabilities(store));
  }

  @Override
  public synchronized CompletionStage<Inventory> inventory(StoreRef store) {
    return settle(array.inventory(store));
  }

  @Override
  public synchronized CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return settle(array.createPhysicalCopy(store, source, name, labels));
  }

  @Override
  public synchronized CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return settle(array.createVirtualCopy(store, source, name, labels));
  }

  @Override
  public synchronized CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return settle(array.delete(store, container));
  }
}
