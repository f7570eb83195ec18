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
 *       call whose tenant does not own the store fails with {@link AccessDeniedException}. A call
 *       that names a container of another tenant or store fails with {@link AccessDeniedException}
 *       or, if the array must not reveal that the container exists, is answered as for a missing
 *       container ({@link ContainerNotFoundException} for a copy's source, success without effect
 *       for a delete); either way it reads or changes nothing of the other store.
 *   <li><b>Idempotent creation.</b> Creation takes a caller-chosen name, unique within the store.
 *       Creating again with the same name, kind and source returns the existing container (waiting
 *       for it if it is still copying), with the labels of the first creation; the same name with
 *       another source or kind fails with {@link ConflictException}. So a caller that lost a
 *       response simply calls again.
 *   <li><b>Labels.</b> The {@link Labels} given at creation are stored with the container
 *       atomically (a container is never listed without them) and durably, and {@link
 *       #inventory(StoreRef)} lists them unchanged, also after the adapter or the array restarts.
 *   <li><b>Names.</b> Names follow {@link ArrayCapabilities#nameRules()}; a name that breaks them is
 *       refused at once with {@link IllegalArgumentException}. After a successful delete the name
 *       is free at once and the container is no longer listed, even on an array that keeps deleted
 *       volumes in a trash or recovery queue for a while (the adapter renames or hides them; until
 *       purged they still count in the usage the capabilities report).
 *   <li><b>Identity.</b> A {@link ContainerId} names one container for its whole life and is never
 *       given to another after a delete. On an array whose {@link NameRules} ignore case, names
 *       equal but for case are one name: a repeated create returns the existing container (with
 *       the name it was created with).
 *   <li><b>Limits hold exactly</b>, also under concurrent callers. Array-wide totals, the
 *       concurrency limits and the usage figures count every container of the array, whatever its
 *       store, tenant or state ({@code COPYING} and {@code FAILED} ones included). A create that would exceed a limit
 *       the adapter declares fails with {@link LimitReachedException} (per-source, array-wide
 *       virtual copies, array-wide containers of every kind, depth, or no virtual copies at all),
 *       {@link InsufficientCapacityException} (capacity) or {@link BusyException} (more concurrent
 *       copies than declared), and leaves nothing half-made.
 *   <li><b>Dependents are safe.</b> A container that is the source of an existing virtual copy, or of
 *       a physical copy still in progress, cannot be deleted ({@link ConflictException}); a finished
 *       physical copy is independent of its source. Deleting a missing container succeeds.
 *   <li><b>Copies can fail or be aborted.</b> A physical copy that does not complete leaves its
 *       container listed as {@link ContainerState#FAILED} and its stage fails with {@link
 *       CopyFailedException}. Deleting a container that is still copying aborts the copy: the
 *       container is gone, its capacity is free, and the create's stage, and every same-name create
 *       waiting on it, completes with {@link CopyAbortedException}.
 *   <li><b>Snapshot-then-clone arrays</b> (Ceph RBD, NetApp, Unity, PowerStore) make a virtual copy
 *       from a snapshot of the master. The adapter owns that intermediate snapshot: it never lists
 *       it, reports the master as the virtual copy's {@link Container#source()}, counts it in the
 *       usage it reports, and removes it when the master's last virtual copy is deleted, so that the
 *       master can then be deleted like any other. A physical copy may be made as a clone that is
 *       then flattened, as long as it is fully independent of its source when its stage completes
 *       {@link ContainerState#READY}.
 *   <li><b>Asynchronous.</b> Operations return a {@link CompletionStage} that completes when the
 *       array has finished, or completes exceptionally with an {@link ArrayException}. Any call,
 *       {@link #capabilities(StoreRef)} and {@link #inventory(StoreRef)} included, may answer
 *       {@link BusyException} or {@link TransientArrayException}. Null or malformed arguments are
 *       thrown at once ({@link NullPointerException}, {@link IllegalArgumentException}).
 *       Implementations are safe for concurrent calls from many threads.
 * </ul>
 *
 * <p>Vendors check an implementation with the conformance kit, the {@code goldcopy-adapters-kit}
 * artifact ({@code dev.goldcopy.spi.kit.ArrayAdapterConformanceKit}).
 */
public interface ArrayAdapter {

  /**
   * Reports what the store's copy engine can do, how much of the array's shared room is used, and
   * how much capacity is free now.
   *
   * @param store the calling tenant and the store
   * @return a stage with the capabilities; fails with {@link AccessDeniedException} if the tenant
   *     does not own the store, {@link BusyException} or {@link TransientArrayException}
   * @throws NullPointerException if {@code store} is null
   */
  CompletionStage<ArrayCapabilities> capabilities(StoreRef store);

  /**
   * Lists every container in the store, in every state, with its labels, as one consistent
   * snapshot (an adapter that lists the array in pages still lists each container exactly once).
   * Helper objects the adapter keeps for itself (a snapshot a virtual copy was cloned from, a
   * deleted volume in the trash) are not listed.
   *
   * @param store the calling tenant and the store
   * @return a stage with the inventory; fails with {@link AccessDeniedException} if the tenant does
   *     not own the store, {@link BusyException} or {@link TransientArrayException}
   * @throws NullPointerException if {@code store} is null
   */
  CompletionStage<Inventory> inventory(StoreRef store);

  /**
   * Physically copies a master into a new master of the same replica group and content.
   *
   * <p>The new container is listed at once in state {@link ContainerState#COPYING}; the stage
   * completes with it when it is {@link ContainerState#READY}. If the copy does not complete, the
   * container is left in state {@link ContainerState#FAILED} and the stage fails with {@link
   * CopyFailedException}; if it is deleted while copying, the stage fails with {@link
   * CopyAbortedException}. The array reserves the capacity the copy costs ({@link
   * ArrayCapabilities#copyCosts()}) before it starts.
   *
   * @param store the calling tenant and the store
   * @param source a ready physical master in the store
   * @param name the new container's name, unique in the store, within {@link
   *     ArrayCapabilities#nameRules()}
   * @param labels the labels to store with the new container
   * @return a stage with the ready copy; fails with {@link ContainerNotFoundException} if the
   *     source is missing, {@link ConflictException} on a name clash or a source that is not a ready
   *     master, {@link LimitReachedException} with scope {@link
   *     LimitReachedException.Scope#ARRAY_CONTAINERS} at the array-wide container total, {@link
   *     InsufficientCapacityException}, {@link BusyException} over the copy concurrency, {@link
   *     AccessDeniedException}, {@link CopyFailedException}, {@link CopyAbortedException}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} breaks the array's name rules
   */
  CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels);

  /**
   * Makes a virtual copy (linked clone, writable snapshot) of a source for one virtual machine.
   *
   * @param store the calling tenant and the store
   * @param source a ready physical master in the store (or a virtual copy, where {@link
   *     ArrayCapabilities#maxLocalReplicationDepth()} allows)
   * @param name the new container's name, unique in the store, within {@link
   *     ArrayCapabilities#nameRules()}
   * @param labels the labels to store with the new container
   * @return a stage with the ready virtual copy; fails with {@link ConflictException} if the source
   *     is {@code COPYING} or {@code FAILED}; {@link LimitReachedException} at the
   *     per-source limit, the array-wide virtual copy total, the array-wide container total ({@link
   *     LimitReachedException.Scope#ARRAY_CONTAINERS}), the depth, or on an array that makes no
   *     virtual copies; {@link ContainerNotFoundException}, {@link ConflictException}, {@link
   *     InsufficientCapacityException}, {@link BusyException}, {@link AccessDeniedException}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} breaks the array's name rules
   */
  CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels);

  /**
   * Deletes a container and frees its capacity and its name. Deleting a container that does not
   * exist succeeds. Deleting a container that is still copying aborts the copy (see {@link
   * CopyAbortedException}).
   *
   * @param store the calling tenant and the store
   * @param container the container to delete
   * @return a stage that completes when the container is gone; fails with {@link
   *     ConflictException} if a virtual copy, or a physical copy in progress, has it as its source,
   *     {@link BusyException}; {@link AccessDeniedException} if it belongs to another tenant or
   *     store (or success without effect, as for a missing container, on arrays that hide others'
   *     containers)
   * @throws NullPointerException if an argument is null
   */
  CompletionStage<Void> delete(StoreRef store, ContainerId container);
}
