package dev.goldcopy.spi;

import java.util.concurrent.CompletionStage;

/**
 * A storage array's copy engine, as Goldcopy drives it. A vendor implements this interface for its
 * array; Goldcopy's planner and executor do the rest.
 *
 * <h2>What every implementation guarantees</h2>
 *
 * <ul>
 *   <li><b>Tenancy.</b> Every call names the calling tenant and the store ({@link StoreRef}). A
 *       call whose tenant does not own the store, or that names a container of another tenant or
 *       store, fails with {@link AccessDeniedException} and reads or changes nothing.
 *   <li><b>Idempotent creation.</b> Creation takes a caller-chosen name, unique within the store.
 *       Creating again with the same name, kind and source returns the existing container (waiting
 *       for it if it is still copying); the same name with another source or kind fails with {@link
 *       ConflictException}. So a caller that lost a response simply calls again.
 *   <li><b>Limits hold exactly.</b> A create that would exceed a limit the adapter declares in
 *       {@link ArrayCapabilities} fails with {@link LimitReachedException} (copy limits), {@link
 *       InsufficientCapacityException} (capacity) or {@link BusyException} (concurrency), and leaves
 *       nothing half-made.
 *   <li><b>Dependents are safe.</b> A container that is the source of an existing virtual copy, or of
 *       a physical copy still in progress, cannot be deleted ({@link ConflictException}); a finished
 *       physical copy is independent of its source. Deleting a missing container succeeds.
 *   <li><b>Asynchronous.</b> Operations return a {@link CompletionStage} that completes when the
 *       array has finished, or completes exceptionally with an {@link ArrayException}. Null or
 *       malformed arguments are thrown at once ({@link NullPointerException}, {@link
 *       IllegalArgumentException}). Implementations are safe for concurrent calls.
 * </ul>
 *
 * <p>Vendors check an implementation with the conformance kit published in this module's test-jar
 * ({@code dev.goldcopy.spi.conformance.ArrayAdapterConformanceTest}).
 */
public interface ArrayAdapter {

  /**
   * Reports what the store's copy engine can do and how much room it has now.
   *
   * @param store the calling tenant and the store
   * @return a stage with the capabilities; fails with {@link AccessDeniedException} if the tenant
   *     does not own the store
   * @throws NullPointerException if {@code store} is null
   */
  CompletionStage<ArrayCapabilities> capabilities(StoreRef store);

  /**
   * Lists every container in the store, in every state, as one consistent snapshot.
   *
   * @param store the calling tenant and the store
   * @return a stage with the inventory; fails with {@link AccessDeniedException} if the tenant does
   *     not own the store
   * @throws NullPointerException if {@code store} is null
   */
  CompletionStage<Inventory> inventory(StoreRef store);

  /**
   * Physically copies a master into a new master of the same replica group and content.
   *
   * <p>The new container is listed at once in state {@link ContainerState#COPYING}; the stage
   * completes with it when it is {@link ContainerState#READY}. If the copy does not complete, the
   * container is left in state {@link ContainerState#FAILED} and the stage fails with {@link
   * CopyFailedException}. The array reserves the source's size of capacity before it starts.
   *
   * @param store the calling tenant and the store
   * @param source a ready physical master in the store
   * @param name the new container's name, unique in the store, at most {@link
   *     ArrayCapabilities#maxNameLength()} characters
   * @return a stage with the ready copy; fails with {@link ContainerNotFoundException} if the
   *     source is missing, {@link ConflictException} on a name clash or a source that is not a ready
   *     master, {@link InsufficientCapacityException}, {@link BusyException} over the copy
   *     concurrency, {@link AccessDeniedException}, {@link CopyFailedException}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank, malformed or too long
   */
  CompletionStage<Container> createPhysicalCopy(StoreRef store, ContainerId source, String name);

  /**
   * Makes a virtual copy (linked clone, writable snapshot) of a source for one virtual machine.
   *
   * @param store the calling tenant and the store
   * @param source a ready physical master in the store (or a virtual copy, where {@link
   *     ArrayCapabilities#maxLocalReplicationDepth()} allows)
   * @param name the new container's name, unique in the store, at most {@link
   *     ArrayCapabilities#maxNameLength()} characters
   * @return a stage with the ready virtual copy; fails with {@link LimitReachedException} at the
   *     per-source, array-wide or depth limit, {@link ContainerNotFoundException}, {@link
   *     ConflictException}, {@link InsufficientCapacityException}, {@link BusyException}, {@link
   *     AccessDeniedException}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank, malformed or too long
   */
  CompletionStage<Container> createVirtualCopy(StoreRef store, ContainerId source, String name);

  /**
   * Deletes a container and frees its capacity. Deleting a container that does not exist
   * succeeds. Deleting a container that is still copying aborts the copy.
   *
   * @param store the calling tenant and the store
   * @param container the container to delete
   * @return a stage that completes when the container is gone; fails with {@link
   *     ConflictException} if a virtual copy, or a physical copy in progress, has it as its source, {@link BusyException},
   *     {@link AccessDeniedException} if it belongs to another tenant or store
   * @throws NullPointerException if an argument is null
   */
  CompletionStage<Void> delete(StoreRef store, ContainerId container);
}
