package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Goldcopy {@link ArrayAdapter} for a Ceph RBD pool, driven through the {@code rbd} and {@code
 * ceph} command-line tools with JSON output. Built with {@link #builder()}.
 *
 * <h2>How containers live in the pool</h2>
 *
 * <ul>
 *   <li>Each store the adapter serves is an RBD namespace of the pool (by default {@code
 *       <tenant>.<store>}); a container is an image of that name in it. A store the adapter is not
 *       configured for, and another store's container, are refused with {@link
 *       AccessDeniedException}.
 *   <li>The adapter's record of a container (kind, content, group, source) is the image metadata
 *       key {@code goldcopy.container}; the user's labels are {@code goldcopy.labels}; a physical
 *       copy in progress carries {@code goldcopy.copy}. Other metadata keys are left alone; images
 *       without the record are not listed and never touched.
 *   <li>A virtual copy is a v2 clone of the snapshot {@code goldcopy-clone-base} of its source,
 *       which the adapter makes with the first clone and removes with the last; inventory never
 *       lists it. (v2 clones need {@code ceph osd set-require-min-compat-client mimic}.)
 *   <li>A physical copy is a clone of that snapshot, listed at once as copying, then flattened
 *       into an independent image in the background. After a restart a half-made copy is listed
 *       as copying and resumed when it is asked for again; a failed one is listed as failed.
 *   <li>New images are made under a hidden name and renamed once their metadata is written, so a
 *       container is never listed without its record and labels.
 * </ul>
 *
 * <p>The adapter counts containers, reservations and provisioned sizes in memory, loaded from the
 * pool and refreshed by every inventory, so the declared limits hold exactly under concurrent
 * callers when this adapter is the only writer to its namespaces. Close it to stop its threads.
 */
public final class CephRbdAdapter implements ArrayAdapter, AutoCloseable {

  private final Settings settings;
  private final Namespaces namespaces;
  private final Map<String, StoreRef> storesByNamespace;
  private final AdapterTasks tasks;
  private final Rbd rbd;
  private final Ledger ledger;
  private final Catalog catalog;
  private final InFlight inFlight = new InFlight();
  private final InventoryReader inventories;
  private final PoolCapacity capacity;
  private final Images images;
  private final VirtualCopies virtualCopies;
  private final PhysicalCopies physicalCopies;
  private final Deletions deletions;
  private final Origins origins;

  CephRbdAdapter(Settings settings, Threads threads) {
    this.settings = settings;
    this.tasks = new AdapterTasks(threads, inFlight);
    this.namespaces = new Namespaces(settings.namespaces());
    Map<String, StoreRef> byNs = new HashMap<>();
    settings.namespaces().forEach((store, ns) -> byNs.put(ns, store));
    this.storesByNamespace = Map.copyOf(byNs);
    this.rbd =
        new Rbd(
            new CommandRunner(settings.tempDir()),
            settings.rbdCommand(),
            settings.cephCommand(),
            settings.pool(),
            settings.conf(),
            settings.keyring(),
            settings.clientId(),
            settings.callTimeout());
    this.ledger = new Ledger(settings.limits(), settings.copyCosts());
    this.catalog = new Catalog(rbd, threads.readers());
    this.images = new Images(rbd, ledger, catalog);
    this.inventories = new InventoryReader(catalog, ledger, inFlight, images);
    this.capacity = new PoolCapacity(rbd, ledger, settings.capacityBytes());
    this.virtualCopies =
        new VirtualCopies(rbd, ledger, catalog, images, settings.limits().depth());
    this.physicalCopies =
        new PhysicalCopies(rbd, ledger, catalog, images, settings.copyTimeout());
    this.deletions = new Deletions(rbd, ledger, catalog, images);
    this.origins = new Origins(rbd, ledger, catalog, images);
  }

  /**
   * Returns a builder; at least one store and the cluster's configuration and keyring are needed.
   *
   * @return a new builder
   */
  public static CephRbdAdapterBuilder builder() {
    return new CephRbdAdapterBuilder();
  }

  /**
   * Returns the default RBD namespace of a store: {@code <tenant>.<store>}, made safe (see {@link
   * CephRbdAdapterBuilder#store(StoreRef)}).
   *
   * @param store the store
   * @return its default namespace
   */
  public static String defaultNamespace(StoreRef store) {
    return Namespaces.defaultFor(requireNonNull(store, "store"));
  }

  /**
   * Returns the RBD namespace that holds a store, to find its images with the Ceph tools ({@code
   * rbd ls POOL/NAMESPACE}).
   *
   * @param store a store the adapter serves
   * @return its namespace
   * @throws AccessDeniedException if the adapter does not serve the store
   */
  public String namespace(StoreRef store) {
    return namespaces.require(requireNonNull(store, "store"));
  }

  /**
   * Returns the pool the adapter works in.
   *
   * @return the pool's name
   */
  public String pool() {
    return settings.pool();
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    requireNonNull(store, "store");
    return tasks.afterAccepted(
        null,
        () -> {
          namespaces.require(store);
          loadAll();
          capacity.refresh();
          Settings.Limits limits = settings.limits();
          return ArrayCapabilities.builder()
              .maxVirtualCopiesPerSource(limits.perSource())
              .maxVirtualCopiesTotal(limits.virtualTotal())
              .maxContainersTotal(limits.containersTotal())
              .maxLocalReplicationDepth(limits.depth())
              .maxConcurrentPhysicalCopies(limits.concurrentPhysical())
              .maxConcurrentVirtualCopies(limits.concurrentVirtual())
              .virtualCopiesSupported(true)
              .usedVirtualCopiesTotal(ledger.usedVirtualCopies())
              .usedContainersTotal(ledger.usedContainers())
              .totalCapacityBytes(ledger.totalBytes())
              .freeCapacityBytes(ledger.freeBytes())
              .copyBandwidthBytesPerSecond(settings.copyBandwidthBytesPerSecond())
              .nameRules(settings.nameRules())
              .copyCosts(settings.copyCosts())
              .build();
        });
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    requireNonNull(store, "store");
    String ns = namespaces.of(store).orElse(null);
    if (ns == null) {
      return failed(notServed(store));
    }
    return tasks.afterAccepted(ns, () -> inventories.read(store, ns));
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    checkCreate(store, source, name, labels);
    try {
      String ns = namespaces.require(store);
      ContainerIds.Parts from = namespaces.sourceIn(store, ns, source);
      return inFlight.join(
          ns,
          name,
          ContainerKind.PHYSICAL_MASTER,
          source,
          () -> {
            CopyJob job = new CopyJob(ns, name, source);
            return new InFlight.Pending(ContainerKind.PHYSICAL_MASTER, source, job.result(), job);
          },
          pending -> {
            CopyJob job = requireNonNull(pending.job());
            tasks.startCopy(job, this::prepare, () -> physicalCopies.run(store, job, from, labels));
          });
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    checkCreate(store, source, name, labels);
    try {
      String ns = namespaces.require(store);
      ContainerIds.Parts from = namespaces.sourceIn(store, ns, source);
      return inFlight.join(
          ns,
          name,
          ContainerKind.VIRTUAL_COPY,
          source,
          () ->
              new InFlight.Pending(
                  ContainerKind.VIRTUAL_COPY, source, new CompletableFuture<>(), null),
          pending ->
              tasks.run(
                  pending.result(),
                  () -> {
                    prepare();
                    return virtualCopies.create(store, ns, source, from, name, labels);
                  }));
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    requireNonNull(store, "store");
    requireNonNull(container, "container");
    try {
      String ns = namespaces.require(store);
      ContainerIds.Parts id = ContainerIds.parse(container).orElse(null);
      if (id == null) {
        return CompletableFuture.completedFuture(null); // no container of this adapter has that id
      }
      namespaces.refuseForeign(store, ns, id);
      CopyJob job = inFlight.job(ns, id.name());
      String jobImage = job == null ? null : job.imageId();
      if (job != null && (jobImage == null || jobImage.equals(id.imageId()))) {
        CompletableFuture<Void> stopped = job.abort();
        if (stopped != null) {
          return stopped.thenCompose(
              done ->
                  tasks.call(
                      () -> {
                        deletions.finishAbort(job);
                        return null;
                      }));
        }
      }
      return tasks.call(
          () -> {
            prepare();
            deletions.delete(ns, id);
            return null;
          });
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  /**
   * Makes an origin master: a new empty image of {@code sizeBytes} in the store's namespace,
   * described as the origin of {@code group} holding {@code content}, as a user makes a golden
   * volume (fill it afterwards, for example with {@code rbd import --image-format 2} into a new
   * image and {@link #adoptImage}, or by writing to it). Creates the namespace if needed.
   *
   * @param store a store the adapter serves
   * @param name the origin's name, within the name rules
   * @param content the image and version it holds
   * @param group its replica group
   * @param sizeBytes its provisioned size
   * @param labels labels to store with it
   * @return a stage with the ready origin; fails with {@link
   *     dev.goldcopy.spi.ConflictException} if the name is taken
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name breaks the rules or the size is negative
   */
  public CompletionStage<Container> createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes,
      Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    requireNonNull(labels, "labels");
    settings.nameRules().check("name", requireNonNull(name, "name"));
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
    return tasks.call(
        () -> {
          String ns = namespaces.require(store);
          prepare();
          return origins.create(store, ns, name, content, group, sizeBytes, labels);
        });
  }

  /**
   * Makes an existing image of the store's namespace (imported with the Ceph tools, say) an origin
   * master of {@code group} holding {@code content}, by writing the adapter's metadata to it. The
   * image's data is not touched.
   *
   * @param store a store the adapter serves
   * @param imageName the image's name in the store's namespace, within the name rules
   * @param content the image and version it holds
   * @param group its replica group
   * @param labels labels to store with it
   * @return a stage with the ready origin; fails with {@link ContainerNotFoundException} if there
   *     is no such image, {@link dev.goldcopy.spi.ConflictException} if it is already a container
   *     or a clone
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name breaks the rules
   */
  public CompletionStage<Container> adoptImage(
      StoreRef store, String imageName, ContentId content, GroupId group, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    requireNonNull(labels, "labels");
    settings.nameRules().check("imageName", requireNonNull(imageName, "imageName"));
    return tasks.call(
        () -> {
          String ns = namespaces.require(store);
          prepare();
          return origins.adopt(store, ns, imageName, content, group, labels);
        });
  }

  /**
   * Stops the adapter's own threads. Physical copies still running are left to finish in their
   * {@code rbd flatten} processes; asked for again by another adapter, each is found by name and
   * resumed (or found ready).
   */
  @Override
  public void close() {
    tasks.close();
  }

  // ---------------------------------------------------------------- plumbing

  private void checkCreate(StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(name, "name");
    requireNonNull(labels, "labels");
    settings.nameRules().check("name", name);
  }

  /** Loads the ledger and the pool's capacity before a change. */
  private void prepare() {
    loadAll();
    capacity.refreshIfStale();
  }

  private void loadAll() {
    inventories.ensureLoaded(storesByNamespace);
  }

  private static AccessDeniedException notServed(StoreRef store) {
    return new AccessDeniedException("store " + store + " is not served by this adapter");
  }

  private static <T> CompletableFuture<T> failed(Throwable e) {
    return CompletableFuture.failedFuture(e);
  }
}
