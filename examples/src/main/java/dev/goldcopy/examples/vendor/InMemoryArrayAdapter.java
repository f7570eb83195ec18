package dev.goldcopy.examples.vendor;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An {@link ArrayAdapter} written the way a storage vendor writes one, over an array that lives in
 * memory. Read it as a template: each method says which call of a real array it stands for, and
 * each rule of the SPI is one visible check.
 *
 * <p>What a vendor replaces:
 *
 * <ul>
 *   <li>{@link InMemoryVolumes}: the array's own records, which tenant owns which storage pool and
 *       its volumes (LUNs, images), with Goldcopy's metadata (kind, content, replica group, source,
 *       labels) kept in volume tags, comments or metadata;
 *   <li>the bodies marked "on a real array": calls to your array's management API.
 * </ul>
 *
 * <p>What a vendor keeps: the order of the checks, the exception each one throws ({@link
 * ArrayRules}, one method per rule), and the idempotent lookup by name before anything is
 * created.
 *
 * <p>This array finishes every operation before it returns, so each stage is already complete
 * and no copy is ever seen in state {@link ContainerState#COPYING}; with no copy ever in progress,
 * no concurrency limit can be exceeded, so it never answers busy. An array whose copies take time completes the stage later, lists
 * the copy as {@code COPYING} meanwhile, and refuses work over its declared concurrency with {@link
 * dev.goldcopy.spi.BusyException}. Every public method is {@code synchronized}: one lock makes
 * each check and the create that follows it one atomic step, so concurrent calls cannot both pass
 * a limit that has room for one.
 *
 * <p>Every store starts with the capacity the declared capabilities give, and every store has its
 * own; the virtual-copy and container totals are counted over the whole array, and {@link
 * #capabilities} reports that usage beside each maximum. Copies reserve what the declared {@link
 * ArrayCapabilities#copyCosts()} say. The caller's {@link Labels} are kept with each container and
 * listed unchanged.
 */
public final class InMemoryArrayAdapter implements ArrayAdapter {

  private final ArrayCapabilities declared;
  private final InMemoryVolumes volumes;
  private final ArrayRules rules;

  /**
   * Creates an empty array that declares {@code declared}.
   *
   * <p>On a real array: read the limits from the array (SMI-S {@code GetSupportedMaximum}, the
   * product's documented maxima) once, and report them as they are. Declare a limit only if the
   * array enforces it, and {@link ArrayCapabilities#UNLIMITED} only if it truly has none: the
   * planner sizes replica groups from these numbers and the conformance kit tests each one.
   *
   * @param declared the limits and the capacity every store starts with
   * @throws NullPointerException if {@code declared} is null
   */
  public InMemoryArrayAdapter(ArrayCapabilities declared) {
    this.declared = requireNonNull(declared, "declared");
    this.volumes = new InMemoryVolumes(declared.copyCosts(), declared.freeCapacityBytes());
    this.rules = new ArrayRules(declared, volumes);
  }

  /**
   * Creates a store (storage pool) owned by a tenant. Not part of the SPI: on a real array the
   * administrator does this.
   *
   * @param store the owning tenant and the new store
   * @throws NullPointerException if {@code store} is null
   * @throws IllegalArgumentException if the store exists already
   */
  public synchronized void addStore(StoreRef store) {
    requireNonNull(store, "store");
    if (volumes.owners.containsKey(store.store())) {
      throw new IllegalArgumentException("store: " + store.store() + " exists already");
    }
    volumes.owners.put(store.store(), store.tenant());
  }

  /**
   * Puts an origin master (the golden image the user made) in a store. Not part of the SPI: on a
   * real array the user creates this volume and Goldcopy finds it in the {@link #inventory}.
   *
   * @param store the owning tenant and the store, added with {@link #addStore}
   * @param name the volume's name, unique in the store
   * @param content the image and version it holds
   * @param group the replica group it starts
   * @param sizeBytes its size, taken from the store's free capacity
   * @return the ready origin master
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the store is unknown or not the tenant's, the name is
   *     malformed, too long or taken, or the size is negative
   * @throws InsufficientCapacityException if the store has less than {@code sizeBytes} free
   */
  public synchronized Container addOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
    requireNonNull(store, "store");
    rules.checkName(name);
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    if (!store.tenant().equals(volumes.owners.get(store.store()))) {
      throw new IllegalArgumentException("store: " + store + " was not added");
    }
    if (volumes.findByName(store, name).isPresent()) {
      throw new IllegalArgumentException("name: " + name + " is taken in " + store);
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
    rules.reserveCapacity(store, sizeBytes, name);
    return volumes.add(
        store, name, ContainerKind.PHYSICAL_MASTER, content, group, null, sizeBytes, Labels.empty());
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a real array: query the pool's free space and report it with the declared limits.
   */
  @Override
  public synchronized CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    requireNonNull(store, "store");
    return complete(
        () -> {
          rules.checkTenancy(store);
          // Usage of the whole array beside each array-wide maximum: other stores and tenants
          // count, so that a plan for this store leaves them their share.
          return declared.toBuilder()
              .freeCapacityBytes(volumes.freeCapacity(store))
              .usedVirtualCopiesTotal(volumes.countVirtualCopies())
              .usedContainersTotal(volumes.containers.size())
              .build();
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a real array: list the pool's volumes in one call and map each to a {@link Container},
   * reading kind, content, group, source and the caller's labels from the metadata written when it
   * was created.
   */
  @Override
  public synchronized CompletionStage<Inventory> inventory(StoreRef store) {
    requireNonNull(store, "store");
    return complete(
        () -> {
          rules.checkTenancy(store);
          List<Container> listed =
              volumes.containers.values().stream().filter(c -> c.store().equals(store)).toList();
          return new Inventory(store, listed);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a real array: call the full-copy API (a physical copy, a deep copy, an offloaded
   * clone of the whole volume) and tag the new volume with the source's content and group. List
   * the new volume as {@link ContainerState#COPYING} at once and complete the stage when the copy
   * is done; if it breaks off, leave the volume {@link ContainerState#FAILED} and fail the stage
   * with {@link CopyFailedException}. Count copies in progress against {@link
   * ArrayCapabilities#maxConcurrentPhysicalCopies()} and answer {@link
   * dev.goldcopy.spi.BusyException} over it.
   */
  @Override
  public synchronized CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    rules.checkName(name);
    return complete(
        () -> {
          rules.checkTenancy(store);
          // A retry of a call whose answer was lost: hand back what the first call made (on a
          // real array, once that copy is finished).
          Optional<Container> existing = volumes.findByName(store, name);
          if (existing.isPresent()) {
            return rules.sameRequestOrConflict(existing.get(), ContainerKind.PHYSICAL_MASTER, source);
          }
          Container master = rules.findInStore(store, source);
          if (!master.isMaster() || !master.isReady()) {
            throw new ConflictException(
                "source " + source + " in " + store + " is not a ready physical master");
          }
          rules.checkContainerTotal(name);
          // Reserve what the copy costs before it starts, so a full pool refuses up front.
          rules.reserveCapacity(store, declared.copyCosts().physicalCopyBytes(master.sizeBytes()), name);
          return volumes.add(
              store,
              name,
              ContainerKind.PHYSICAL_MASTER,
              master.content(),
              master.group(),
              source,
              master.sizeBytes(),
              labels);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a real array: call the snapshot or clone API (a writable snapshot, a linked clone) and
   * tag the new volume with its source. Check the declared limits before the call, so the error
   * names the right {@link LimitReachedException.Scope}; map the array's own "too many snapshots"
   * error to the same exception as well, for the copies someone else made meanwhile.
   */
  @Override
  public synchronized CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    rules.checkName(name);
    return complete(
        () -> {
          rules.checkTenancy(store);
          Optional<Container> existing = volumes.findByName(store, name);
          if (existing.isPresent()) {
            return rules.sameRequestOrConflict(existing.get(), ContainerKind.VIRTUAL_COPY, source);
          }
          Container parent = rules.findInStore(store, source);
          if (!parent.isReady()) {
            throw new ConflictException("source " + source + " in " + store + " is not ready");
          }
          rules.checkSupported(parent);
          rules.checkDepth(parent);
          rules.checkPerSourceLimit(parent);
          rules.checkArrayTotal(parent);
          rules.checkContainerTotal(name);
          // Reserve what the array declares a new clone costs (nothing for a thin clone).
          rules.reserveCapacity(store, declared.copyCosts().virtualCopyBytes(), name);
          return volumes.add(
              store,
              name,
              ContainerKind.VIRTUAL_COPY,
              parent.content(),
              null,
              source,
              parent.sizeBytes(),
              labels);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a real array: refuse while dependents exist, then call the volume delete API. Treat the
   * array's "no such volume" answer as success. Deleting a volume still copying aborts the copy.
   */
  @Override
  public synchronized CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    requireNonNull(store, "store");
    requireNonNull(container, "container");
    try {
      rules.checkTenancy(store);
      Container target = volumes.containers.get(container);
      if (target == null) {
        return CompletableFuture.completedFuture(null); // already gone: success
      }
      if (!target.store().equals(store)) {
        throw new AccessDeniedException(container + " does not belong to " + store);
      }
      if (rules.hasDependents(target)) {
        throw new ConflictException(container + " in " + store + " is the source of a copy");
      }
      volumes.containers.remove(container);
      return CompletableFuture.completedFuture(null);
    } catch (ArrayException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Runs one call of this array and hands back its answer as an already completed stage. */
  private static <T> CompletionStage<T> complete(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (ArrayException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
