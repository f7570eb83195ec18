package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletionStage;

/**
 * An adapter that passes every call to another but does not say how many copies one source feeds
 * at full rate ({@link ArrayCapabilities#fullRateCopiesPerSource()} is unlimited): the array as an
 * adapter that knows no such figure presents it, for comparing what the figure is worth.
 */
final class SilentOnSourceReads implements ArrayAdapter {
  private final ArrayAdapter array;

  SilentOnSourceReads(ArrayAdapter array) {
    this.array = requireNonNull(array, "array");
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return array.capabilities(store)
        .thenApply(
            c -> c.toBuilder().fullRateCopiesPerSource(ArrayCapabilities.UNLIMITED).build());
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    return array.inventory(store);
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return array.createPhysicalCopy(store, source, name, labels);
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return array.createVirtualCopy(store, source, name, labels);
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return array.delete(store, container);
  }
}
