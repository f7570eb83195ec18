package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletionStage;

/**
 * An adapter that passes every call to another, for decorators: override the calls to watch,
 * count, refuse or change, and the rest go through unchanged. A decorator keeps the contract of
 * {@link ArrayAdapter}: it is safe for concurrent calls if the adapter it wraps is and it guards
 * its own state, and it reports what the array did, never less (a decorator that hides a
 * container from {@link #inventory} hides it from Goldcopy's ownership checks too).
 *
 * <pre>{@code
 * ArrayAdapter counted = new ForwardingArrayAdapter(array) {
 *   @Override
 *   public CompletionStage<Container> createPhysicalCopy(
 *       StoreRef store, ContainerId source, String name, Labels labels) {
 *     copies.increment();
 *     return super.createPhysicalCopy(store, source, name, labels);
 *   }
 * };
 * }</pre>
 */
public class ForwardingArrayAdapter implements ArrayAdapter {
  private final ArrayAdapter delegate;

  /**
   * Wraps {@code delegate}.
   *
   * @param delegate the adapter the calls go to
   * @throws NullPointerException if {@code delegate} is null
   */
  public ForwardingArrayAdapter(ArrayAdapter delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /**
   * Returns the adapter the calls go to.
   *
   * @return the wrapped adapter
   */
  protected final ArrayAdapter delegate() {
    return delegate;
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return delegate.capabilities(store);
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    return delegate.inventory(store);
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return delegate.createPhysicalCopy(store, source, name, labels);
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return delegate.createVirtualCopy(store, source, name, labels);
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return delegate.delete(store, container);
  }
}
