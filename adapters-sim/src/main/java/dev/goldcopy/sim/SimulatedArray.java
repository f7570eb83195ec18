package dev.goldcopy.sim;

import static dev.goldcopy.spi.ArrayCapabilities.isLimited;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyAbortedException;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A storage array simulated on virtual time: an {@link ArrayAdapter} for tests, examples and
 * benchmarks that enforces the limits of a {@link VendorProfile} exactly as a real array refuses,
 * takes the time its {@link LatencyModel} says, and injects the faults of a seeded {@link
 * FaultPlan}.
 *
 * <pre>{@code
 * SimulatedArray sim = SimulatedArray.builder()
 *     .profile(VendorProfile.DELL_ME4_LARGE_POOLS)
 *     .seed(42)
 *     .build();
 * StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
 * Container origin = sim.createOrigin(store, "golden", ContentId.of("win11", "2026.11"),
 *     GroupId.of("win11-2026.11"), 40L << 30);
 * Container clone = sim.await(sim.createVirtualCopy(store, origin.id(), "vm-1", Labels.empty()));
 * }</pre>
 *
 * <h2>Time</h2>
 *
 * A discrete-event simulation: every operation schedules its completion at a virtual time, and
 * nothing happens until a driver runs events ({@link #step()}, {@link #runUntilIdle()}, {@link
 * #runFor(Duration)}, {@link #await(CompletionStage)}). Nothing sleeps. Events at the same instant
 * run in the order they were scheduled, and every random choice comes from one generator seeded by
 * {@link Builder#seed(long)}, so the same seed and the same calls give the same run.
 *
 * <h2>Threads</h2>
 *
 * Single-threaded by design: every public method is {@code synchronized}, and stages complete on
 * the thread that runs events, inside the event. Adapter methods may be called from such callbacks
 * or from the driving thread; the driving methods ({@link #step()}, {@link #runUntilIdle()}, {@link
 * #runFor(Duration)}, {@link #await(CompletionStage)}) may not be called from inside an event. A
 * caller on the simulator therefore uses a direct executor ({@code Runnable::run}) and {@link
 * #schedule(Duration, Runnable)} as its scheduler.
 *
 * <h2>What it enforces</h2>
 *
 * Tenancy (a store the tenant does not own, a container of another store: {@link
 * AccessDeniedException}); the profile's name rules ({@link IllegalArgumentException}, thrown at
 * once; a profile whose rules ignore case tells names apart without it); idempotent names (same
 * name, kind and source: the existing container with its first labels, waiting for it if it is
 * still being made; a failed one: {@link CopyFailedException}; anything else: {@link
 * ConflictException}); the per-source and array-wide virtual copy limits, the array-wide container
 * total (origins, replicas and clones of every store and tenant), the replication depth and an
 * array without virtual copies ({@link LimitReachedException}); capacity (a physical copy reserves
 * what the profile's copy costs say of its source's size when it starts, a virtual copy the
 * profile's clone cost: {@link InsufficientCapacityException}); concurrency of physical copies and
 * of clone creations ({@link BusyException}, with {@link Builder#busyRetryAfter(Duration)} if set);
 * and dependents on delete (a source of virtual copies or of physical copies in progress: {@link
 * ConflictException}). Deleting a container still being made aborts it; its pending creates fail
 * with {@link CopyAbortedException}.
 *
 * <h2>Shared arrays</h2>
 *
 * Every store added to one simulated array shares its array-wide totals, as tenants of a real array
 * do; {@link #capabilities(StoreRef)} reports what the whole array holds beside each maximum.
 */
public final class SimulatedArray implements ArrayAdapter {

  /** The instant the virtual clock starts at unless {@link Builder#start(Instant)} says. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private static final double INCOMPLETE_MIN_FRACTION = 0.1;
  private static final double INCOMPLETE_FRACTION_SPAN = 0.8;

  private final VendorProfile profile;
  private final ArrayCapabilities declared;
  private final EventLoop loop = new EventLoop();
  private final SplittableRandom random;
  private final long seed;
  private final Recorder recorder;
  private final CopyBandwidth bandwidth;
  private final Clock clock;
  private final @Nullable Duration busyRetryAfter;
  private final long cloneNanos;
  private final long deleteNanos;
  private final long responseNanos;
  private final Map<StoreId, SimStore> stores = new LinkedHashMap<>();
  private final Map<ContainerId, SimContainer> containers = new HashMap<>();
  private int restarts;
  private FaultPlan faults;
  private long lastId;
  private int virtualCopiesTotal;
  private int containersTotal;
  private int physicalCopiesInProgress;
  private int virtualCopiesInProgress;
  private boolean running;

  private SimulatedArray(Builder builder) {
    LatencyModel override = builder.latency;
    this.profile =
        override == null ? builder.profile : builder.profile.toBuilder().latency(override).build();
    LatencyModel latency = profile.latency();
    this.declared = profile.capabilities();
    this.random = new SplittableRandom(builder.seed);
    this.seed = builder.seed;
    this.faults = builder.faults;
    this.busyRetryAfter = builder.busyRetryAfter;
    this.recorder = new Recorder(profile, loop, builder.recordCalls);
    this.bandwidth =
        new CopyBandwidth(loop, latency, profile.controllers(), this::physicalCopyFinished);
    this.clock = new VirtualClock(builder.start, this::nanosSinceStart, ZoneOffset.UTC);
    this.cloneNanos = latency.cloneLatency().toNanos();
    this.deleteNanos = latency.deleteLatency().toNanos();
    this.responseNanos = latency.responseLatency().toNanos();
  }

  /**
   * Returns a builder: a profile without copy limits, seed 0, no faults, calls recorded.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ setting up

  /**
   * Adds a store with the profile's store capacity.
   *
   * @param tenant the tenant that owns it
   * @param store its identifier, unique in the array
   * @return the reference the tenant calls with
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the array already has a store with that identifier
   */
  public synchronized StoreRef addStore(TenantId tenant, StoreId store) {
    return addStore(tenant, store, profile.storeCapacityBytes());
  }

  /**
   * Adds a store with its own capacity. The n-th store added (from 0) belongs to controller n mod
   * the profile's {@link VendorProfile#controllers()}.
   *
   * @param tenant the tenant that owns it
   * @param store its identifier, unique in the array
   * @param capacityBytes its usable capacity; positive
   * @return the reference the tenant calls with
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the identifier is taken or the capacity is not positive
   */
  public synchronized StoreRef addStore(TenantId tenant, StoreId store, long capacityBytes) {
    requireNonNull(tenant, "tenant");
    requireNonNull(store, "store");
    if (capacityBytes < 1) {
      throw new IllegalArgumentException("capacityBytes must be positive: " + capacityBytes);
    }
    if (stores.containsKey(store)) {
      throw new IllegalArgumentException("store: the array already has a store " + store);
    }
    StoreRef ref = new StoreRef(tenant, store);
    stores.put(store, new SimStore(ref, capacityBytes, stores.size() % profile.controllers()));
    return ref;
  }

  /**
   * Makes an origin master at once, as a user makes a golden volume through the array's own
   * administration (not through the SPI, and not recorded as a call). It takes its size of the
   * store's capacity.
   *
   * @param store the owning tenant and the store
   * @param name its name, unique in the store
   * @param content the content identity it holds
   * @param group its replica group
   * @param sizeBytes its size; not negative
   * @return the origin, {@link ContainerState#READY}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name breaks the profile's name rules, or the size is
   *     negative
   * @throws AccessDeniedException if the tenant does not own the store
   * @throws ConflictException if the name is taken in the store
   * @throws InsufficientCapacityException if the store has less than {@code sizeBytes} free
   * @throws LimitReachedException if the array holds its most containers
   */
  public synchronized Container createOrigin(
      StoreRef store, String name, ContentId content, GroupId group, long sizeBytes) {
    return createOrigin(store, name, content, group, sizeBytes, Labels.empty());
  }

  /**
   * Makes an origin master carrying labels, as {@link #createOrigin(StoreRef, String, ContentId,
   * GroupId, long)} does; for example a container an administrator or another control plane made
   * and labelled.
   *
   * @param store the owning tenant and the store
   * @param name its name, unique in the store
   * @param content the content identity it holds
   * @param group its replica group
   * @param sizeBytes its size; not negative
   * @param labels its labels
   * @return the origin, {@link ContainerState#READY}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name breaks the profile's name rules, or the size is
   *     negative
   * @throws AccessDeniedException if the tenant does not own the store
   * @throws ConflictException if the name is taken in the store
   * @throws InsufficientCapacityException if the store has less than {@code sizeBytes} free
   * @throws LimitReachedException if the array holds its most containers
   */
  public synchronized Container createOrigin(
      StoreRef store,
      String name,
      ContentId content,
      GroupId group,
      long sizeBytes,
      Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(labels, "labels");
    checkName(name);
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
    SimStore s = owned(store);
    if (s == null) {
      throw storeDenied(store);
    }
    if (s.byName.containsKey(key(name))) {
      throw new ConflictException("name " + name + " is taken in " + store);
    }
    if (s.freeBytes() < sizeBytes) {
      throw insufficient(s, sizeBytes);
    }
    LimitReachedException full = containersFull();
    if (full != null) {
      throw full;
    }
    SimContainer origin =
        new SimContainer(
            nextId(),
            name,
            ContainerKind.PHYSICAL_MASTER,
            content,
            group,
            null,
            null,
            s,
            sizeBytes,
            sizeBytes,
            0,
            ContainerState.READY,
            labels);
    add(origin);
    return origin.view();
  }

  /**
   * Returns the seed every random choice of this simulation comes from ({@link
   * Builder#seed(long)}), so that a run can be replayed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the profile the array runs, with any latency model the builder set.
   *
   * @return the profile
   */
  public VendorProfile profile() {
    return profile;
  }

  /**
   * Returns the fault plan in force.
   *
   * @return the plan
   */
  public synchronized FaultPlan faults() {
    return faults;
  }

  /**
   * Changes the fault plan from now on, for example to turn faults off for a clean-up phase.
   *
   * @param plan the new plan
   * @throws NullPointerException if {@code plan} is null
   */
  public synchronized void setFaults(FaultPlan plan) {
    this.faults = requireNonNull(plan, "plan");
  }

  /**
   * Returns a snapshot of what the array has recorded so far.
   *
   * @return the records
   */
  public synchronized SimulationRecords records() {
    return recorder.snapshot();
  }

  // ------------------------------------------------------------------ virtual time

  /**
   * Returns the virtual wall clock, in UTC, starting at the builder's start instant.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the virtual time since the simulation started.
   *
   * @return the elapsed virtual time
   */
  public synchronized Duration elapsed() {
    return Duration.ofNanos(loop.now());
  }

  /**
   * Schedules {@code task} to run on the event loop {@code delay} from now in virtual time. A task
   * that throws stops the driver that runs it with the task's exception.
   *
   * @param delay how long from now; not negative
   * @param task what to run
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public synchronized void schedule(Duration delay, Runnable task) {
    requireNonNull(delay, "delay");
    requireNonNull(task, "task");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    loop.schedule(saturatedNanos(delay), task);
  }

  /**
   * Runs the next event, moving virtual time to it.
   *
   * @return true if an event ran, false if none is waiting (the simulation is idle)
   * @throws IllegalStateException if called from inside an event
   */
  public synchronized boolean step() {
    enterDriver("step");
    try {
      return loop.step();
    } finally {
      running = false;
    }
  }

  /**
   * Runs events until none is left. Tasks that keep rescheduling themselves make this run forever;
   * use {@link #runFor(Duration)} for them.
   *
   * @throws IllegalStateException if called from inside an event
   */
  public synchronized void runUntilIdle() {
    enterDriver("runUntilIdle");
    try {
      while (loop.step()) {
        // each step runs one event
      }
    } finally {
      running = false;
    }
  }

  /**
   * Runs every event due within {@code duration} from now, then moves virtual time to its end.
   *
   * @param duration how much virtual time to run; not negative
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is negative
   * @throws IllegalStateException if called from inside an event
   */
  public synchronized void runFor(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    enterDriver("runFor");
    try {
      long nanos = saturatedNanos(duration);
      long end = nanos > Long.MAX_VALUE - loop.now() ? Long.MAX_VALUE : loop.now() + nanos;
      loop.runUntil(end);
    } finally {
      running = false;
    }
  }

  /**
   * Runs events until {@code stage} completes, then returns its value or throws its failure.
   *
   * @param stage a stage completed by events of this simulation
   * @param <T> the result type
   * @return the stage's value
   * @throws RuntimeException the stage's failure, unwrapped (an {@link ArrayException} for array
   *     errors)
   * @throws NullPointerException if {@code stage} is null
   * @throws IllegalStateException if the simulation runs out of events before the stage completes,
   *     or if called from inside an event
   */
  public synchronized <T> T await(CompletionStage<T> stage) {
    requireNonNull(stage, "stage");
    CompletableFuture<T> future = stage.toCompletableFuture();
    enterDriver("await");
    try {
      while (!future.isDone()) {
        if (!loop.step()) {
          throw new IllegalStateException(
              "the simulation is idle at " + elapsedUnlocked() + " but the stage has not completed");
        }
      }
    } finally {
      running = false;
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private void enterDriver(String method) {
    if (running) {
      throw new IllegalStateException(method + " must not be called from inside an event");
    }
    running = true;
  }

  private synchronized long nanosSinceStart() {
    return loop.now();
  }

  private Duration elapsedUnlocked() {
    return Duration.ofNanos(loop.now());
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  // ------------------------------------------------------------------ the SPI

  @Override
  public synchronized CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    requireNonNull(store, "store");
    PendingCall<ArrayCapabilities> call = begin(Operation.CAPABILITIES, store, null, null);
    SimStore s = owned(store);
    if (s == null) {
      return refuse(call, storeDenied(store));
    }
    if (injectReadFault(call)) {
      return stage(call);
    }
    answerAfter(
        call,
        responseNanos,
        profile.report(s.capacityBytes, s.freeBytes(), virtualCopiesTotal, containersTotal),
        null);
    return stage(call);
  }

  @Override
  public synchronized CompletionStage<Inventory> inventory(StoreRef store) {
    requireNonNull(store, "store");
    PendingCall<Inventory> call = begin(Operation.INVENTORY, store, null, null);
    SimStore s = owned(store);
    if (s == null) {
      return refuse(call, storeDenied(store));
    }
    if (injectReadFault(call)) {
      return stage(call);
    }
    List<Container> listed = new ArrayList<>(s.byName.size());
    for (SimContainer c : s.byName.values()) {
      listed.add(c.view());
    }
    answerAfter(call, responseNanos, new Inventory(s.ref, listed), null);
    return stage(call);
  }

  @Override
  public synchronized CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    checkName(name);
    PendingCall<Container> call = begin(Operation.CREATE_PHYSICAL_COPY, store, source, name);
    SimStore s = owned(store);
    if (s == null) {
      return refuse(call, storeDenied(store));
    }
    if (injectBusy(call)) {
      return stage(call);
    }
    SimContainer existing = s.byName.get(key(name));
    if (existing != null) {
      return joinExisting(call, existing, ContainerKind.PHYSICAL_MASTER, source);
    }
    SimContainer src = containers.get(source);
    if (src == null) {
      return refuse(call, notFound(store, source));
    }
    if (src.store != s) {
      return refuse(call, containerDenied(store, source));
    }
    if (src.kind != ContainerKind.PHYSICAL_MASTER) {
      return refuse(
          call,
          new ConflictException(
              "source " + source + " is a virtual copy; only a physical master can be copied"));
    }
    if (src.state != ContainerState.READY) {
      return refuse(call, notReady(src));
    }
    LimitReachedException full = containersFull();
    if (full != null) {
      return refuse(call, full);
    }
    long cost = declared.copyCosts().physicalCopyBytes(src.sizeBytes);
    if (s.freeBytes() < cost) {
      return refuse(call, insufficient(s, cost));
    }
    int concurrency = declared.maxConcurrentPhysicalCopies();
    if (isLimited(concurrency) && physicalCopiesInProgress >= concurrency) {
      return refuse(
          call,
          new BusyException(
              concurrency + " physical copies are in progress, the most the array runs at once",
              busyRetryAfter));
    }
    drawAnswerFaults(call);
    double bytes = src.sizeBytes;
    boolean incomplete = draw(faults.incompleteCopyRate());
    if (incomplete) {
      bytes *= INCOMPLETE_MIN_FRACTION + INCOMPLETE_FRACTION_SPAN * random.nextDouble();
    }
    SimContainer replica =
        new SimContainer(
            nextId(),
            name,
            ContainerKind.PHYSICAL_MASTER,
            src.content,
            src.group,
            src.id,
            null,
            s,
            src.sizeBytes,
            cost,
            0,
            ContainerState.COPYING,
            labels);
    add(replica);
    src.physicalCopiesInProgress++;
    physicalCopiesInProgress++;
    recorder.physicalCopiesInProgress(physicalCopiesInProgress);
    call.result = replica.id;
    replica.addWaiter(call);
    PhysicalCopy copy = new PhysicalCopy(replica, src, bytes, incomplete);
    replica.copy = copy;
    bandwidth.start(copy);
    return stage(call);
  }

  @Override
  public synchronized CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    checkName(name);
    PendingCall<Container> call = begin(Operation.CREATE_VIRTUAL_COPY, store, source, name);
    SimStore s = owned(store);
    if (s == null) {
      return refuse(call, storeDenied(store));
    }
    if (injectBusy(call)) {
      return stage(call);
    }
    SimContainer existing = s.byName.get(key(name));
    if (existing != null) {
      return joinExisting(call, existing, ContainerKind.VIRTUAL_COPY, source);
    }
    SimContainer src = containers.get(source);
    if (src == null) {
      return refuse(call, notFound(store, source));
    }
    if (src.store != s) {
      return refuse(call, containerDenied(store, source));
    }
    if (src.state != ContainerState.READY) {
      return refuse(call, notReady(src));
    }
    if (!declared.virtualCopiesSupported()) {
      return refuse(
          call,
          new LimitReachedException(
              LimitReachedException.Scope.NOT_SUPPORTED, 0, "the array makes no virtual copies"));
    }
    int depthLimit = declared.maxLocalReplicationDepth();
    if (isLimited(depthLimit) && src.depth >= depthLimit) {
      return refuse(
          call,
          new LimitReachedException(
              LimitReachedException.Scope.REPLICATION_DEPTH,
              depthLimit,
              "a virtual copy of "
                  + source
                  + " would chain "
                  + (src.depth + 1)
                  + " deep; the array allows "
                  + depthLimit));
    }
    int perSource = declared.maxVirtualCopiesPerSource();
    if (isLimited(perSource) && src.virtualCopies >= perSource) {
      return refuse(
          call,
          new LimitReachedException(
              LimitReachedException.Scope.PER_SOURCE,
              perSource,
              "source " + source + " has " + src.virtualCopies + " virtual copies, its limit"));
    }
    int total = declared.maxVirtualCopiesTotal();
    if (isLimited(total) && virtualCopiesTotal >= total) {
      return refuse(
          call,
          new LimitReachedException(
              LimitReachedException.Scope.ARRAY_TOTAL,
              total,
              "the array holds " + virtualCopiesTotal + " virtual copies, its limit"));
    }
    LimitReachedException full = containersFull();
    if (full != null) {
      return refuse(call, full);
    }
    long growth = declared.copyCosts().virtualCopyBytes();
    if (s.freeBytes() < growth) {
      return refuse(call, insufficient(s, growth));
    }
    int concurrency = declared.maxConcurrentVirtualCopies();
    if (isLimited(concurrency) && virtualCopiesInProgress >= concurrency) {
      return refuse(
          call,
          new BusyException(
              concurrency + " virtual copies are being made, the most the array makes at once",
              busyRetryAfter));
    }
    drawAnswerFaults(call);
    SimContainer clone =
        new SimContainer(
            nextId(),
            name,
            ContainerKind.VIRTUAL_COPY,
            src.content,
            null,
            src.id,
            src,
            s,
            src.sizeBytes,
            growth,
            src.depth + 1,
            ContainerState.COPYING,
            labels);
    add(clone);
    src.virtualCopies++;
    virtualCopiesTotal++;
    recorder.virtualCopyAdded(src, virtualCopiesTotal);
    virtualCopiesInProgress++;
    recorder.virtualCopiesInProgress(virtualCopiesInProgress);
    call.result = clone.id;
    clone.addWaiter(call);
    clone.completion = loop.schedule(cloneNanos, () -> virtualCopyFinished(clone));
    return stage(call);
  }

  @Override
  public synchronized CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    requireNonNull(store, "store");
    requireNonNull(container, "container");
    PendingCall<Void> call = begin(Operation.DELETE, store, container, null);
    SimStore s = owned(store);
    if (s == null) {
      return refuse(call, storeDenied(store));
    }
    if (injectBusy(call)) {
      return stage(call);
    }
    SimContainer c = containers.get(container);
    if (c == null) {
      drawAnswerFaults(call);
      answerAfter(call, responseNanos, null, null);
      return stage(call);
    }
    if (c.store != s) {
      return refuse(call, containerDenied(store, container));
    }
    if (c.virtualCopies > 0) {
      return refuse(
          call,
          new ConflictException(
              container + " is the source of " + c.virtualCopies + " virtual copies"));
    }
    if (c.physicalCopiesInProgress > 0) {
      return refuse(
          call,
          new ConflictException(
              container
                  + " is the source of "
                  + c.physicalCopiesInProgress
                  + " physical copies in progress"));
    }
    drawAnswerFaults(call);
    remove(c);
    answerAfter(call, deleteNanos, null, null);
    return stage(call);
  }

  // ------------------------------------------------------------------ checks from outside

  /**
   * Returns what the store holds at this instant, with no latency, no fault and no record: for
   * checks a test makes beside the calls under test (a wrapping adapter that verifies each create
   * against the limits, say).
   *
   * @param store the store
   * @return its inventory now
   * @throws IllegalArgumentException if the store is not the tenant's
   */
  public synchronized Inventory inventoryNow(StoreRef store) {
    SimStore s = owned(store);
    if (s == null) {
      throw new IllegalArgumentException("no store " + store);
    }
    List<Container> listed = new ArrayList<>(s.byName.size());
    for (SimContainer c : s.byName.values()) {
      listed.add(c.view());
    }
    return new Inventory(s.ref, listed);
  }

  /**
   * Returns the capabilities the store reports at this instant, with no latency, no fault and no
   * record.
   *
   * @param store the store
   * @return its capabilities now
   * @throws IllegalArgumentException if the store is not the tenant's
   */
  public synchronized ArrayCapabilities capabilitiesNow(StoreRef store) {
    SimStore s = owned(store);
    if (s == null) {
      throw new IllegalArgumentException("no store " + store);
    }
    return profile.report(s.capacityBytes, s.freeBytes(), virtualCopiesTotal, containersTotal);
  }

  // ------------------------------------------------------------------ faults of the world

  /**
   * Restarts the array's controller now: the answer of every call in flight is lost (its stage
   * fails with {@link TransientArrayException}, whatever the array did), and every container being
   * made, physical or virtual, stops and is left {@link ContainerState#FAILED}.
   */
  public synchronized void restart() {
    restarts++;
    recorder.fault(FaultKind.RESTART);
    for (SimContainer c : new ArrayList<>(containers.values())) {
      if (c.state != ContainerState.COPYING) {
        continue;
      }
      EventLoop.Event completion = c.completion;
      if (completion != null) {
        loop.cancel(completion);
        c.completion = null;
        virtualCopiesInProgress--;
      }
      PhysicalCopy copy = c.copy;
      if (copy != null) {
        bandwidth.stop(copy);
        c.copy = null;
        copy.source.physicalCopiesInProgress--;
        physicalCopiesInProgress--;
      }
      c.setState(ContainerState.FAILED);
      answerWaiters(c, null, new TransientArrayException("the array restarted"));
    }
  }

  /**
   * Deletes a container behind every caller's back, as an administrator might: a clone, a replica
   * with its clones (they go first), or a copy in progress (its creates fail with {@link
   * CopyAbortedException}). Physical copies being made from it are aborted too.
   *
   * @param store the store that holds it
   * @param container the container
   * @return whether it was there
   */
  public synchronized boolean deleteOutOfBand(StoreRef store, ContainerId container) {
    SimContainer c = containers.get(container);
    SimStore s = owned(store);
    if (c == null || s == null || c.store != s) {
      return false;
    }
    recorder.fault(FaultKind.OUT_OF_BAND_DELETE);
    for (SimContainer other : new ArrayList<>(containers.values())) {
      PhysicalCopy copy = other.copy;
      if (other.parent == c || (copy != null && copy.source == c)) {
        remove(other);
      }
    }
    remove(c);
    return true;
  }

  /**
   * Takes free capacity of a store away, as another tenant's growth would: up to {@code bytes}, and
   * never more than is free.
   *
   * @param store the store
   * @param bytes how much to take; not negative
   * @return how much was taken
   */
  public synchronized long takeCapacity(StoreRef store, long bytes) {
    SimStore s = owned(store);
    if (s == null || bytes < 0) {
      throw new IllegalArgumentException("no store " + store + ", or negative bytes " + bytes);
    }
    long taken = Math.min(bytes, Math.max(0, s.freeBytes()));
    s.usedBytes += taken;
    recorder.fault(FaultKind.CAPACITY_TAKEN);
    recorder.capacityUsed(s);
    return taken;
  }

  // ------------------------------------------------------------------ the array's bookkeeping

  private ContainerId nextId() {
    lastId++;
    return ContainerId.of("sim-" + lastId);
  }

  private void add(SimContainer c) {
    containers.put(c.id, c);
    c.store.byName.put(key(c.name), c);
    containersTotal++;
    c.store.usedBytes += c.reservedBytes;
    recorder.capacityUsed(c.store);
  }

  private void remove(SimContainer c) {
    c.removed = true;
    containers.remove(c.id);
    c.store.byName.remove(key(c.name));
    containersTotal--;
    c.store.usedBytes -= c.reservedBytes;
    SimContainer parent = c.parent;
    if (parent != null) {
      parent.virtualCopies--;
      virtualCopiesTotal--;
    }
    if (c.state == ContainerState.COPYING) {
      EventLoop.Event completion = c.completion;
      if (completion != null) {
        loop.cancel(completion);
        c.completion = null;
        virtualCopiesInProgress--;
      }
      PhysicalCopy copy = c.copy;
      if (copy != null) {
        bandwidth.stop(copy);
        c.copy = null;
        copy.source.physicalCopiesInProgress--;
        physicalCopiesInProgress--;
      }
      answerWaiters(
          c, null, new CopyAbortedException(c.name, c.id + " was deleted while being made"));
    }
  }

  private void virtualCopyFinished(SimContainer clone) {
    clone.completion = null;
    virtualCopiesInProgress--;
    clone.setState(ContainerState.READY);
    answerWaiters(clone, clone.view(), null);
  }

  private void physicalCopyFinished(PhysicalCopy copy) {
    SimContainer replica = copy.target;
    replica.copy = null;
    copy.source.physicalCopiesInProgress--;
    physicalCopiesInProgress--;
    if (copy.incomplete) {
      replica.setState(ContainerState.FAILED);
      recorder.fault(FaultKind.INCOMPLETE_COPY);
      answerWaiters(
          replica,
          null,
          new CopyFailedException(
              replica.id,
              "the copy of " + copy.source.id + " into " + replica.id + " stopped incomplete"));
    } else {
      replica.setState(ContainerState.READY);
      answerWaiters(replica, replica.view(), null);
    }
  }

  private CompletionStage<Container> joinExisting(
      PendingCall<Container> call, SimContainer existing, ContainerKind kind, ContainerId source) {
    if (existing.kind != kind || !source.equals(existing.source)) {
      return refuse(
          call,
          new ConflictException(
              "name "
                  + existing.name
                  + " is taken in "
                  + existing.store.ref
                  + " by "
                  + existing.id
                  + ", a "
                  + existing.kind
                  + (existing.source == null ? "" : " of " + existing.source)));
    }
    drawAnswerFaults(call);
    call.result = existing.id;
    switch (existing.state) {
      case READY -> answerAfter(call, responseNanos, existing.view(), null);
      case COPYING -> existing.addWaiter(call);
      case FAILED ->
          answerAfter(
              call,
              responseNanos,
              null,
              new CopyFailedException(
                  existing.id, existing.id + " failed; delete it before creating it again"));
    }
    return stage(call);
  }

  // ------------------------------------------------------------------ calls and answers

  private <T> PendingCall<T> begin(
      Operation operation, StoreRef store, @Nullable ContainerId subject, @Nullable String name) {
    PendingCall<T> call = new PendingCall<>(operation, store, subject, name, loop.now());
    call.restarts = restarts;
    return call;
  }

  private static <T> CompletionStage<T> stage(PendingCall<T> call) {
    return call.future.minimalCompletionStage();
  }

  private <T> CompletionStage<T> refuse(PendingCall<T> call, ArrayException error) {
    answerAfter(call, responseNanos, null, error);
    return stage(call);
  }

  private void answerWaiters(
      SimContainer c, @Nullable Container value, @Nullable ArrayException error) {
    List<PendingCall<Container>> waiting = c.takeWaiters();
    for (PendingCall<Container> call : waiting) {
      answerAfter(call, 0, value, error);
    }
  }

  /** Answers {@code call} after {@code delayNanos} plus its latency spike, at once if both are 0. */
  private <T> void answerAfter(
      PendingCall<T> call, long delayNanos, @Nullable T value, @Nullable ArrayException error) {
    long delay = delayNanos + call.spikeNanos;
    if (delay == 0) {
      answer(call, value, error);
    } else {
      loop.schedule(delay, () -> answer(call, value, error));
    }
  }

  private <T> void answer(PendingCall<T> call, @Nullable T value, @Nullable ArrayException error) {
    if (call.restarts != restarts) {
      recorder.call(call, CallOutcome.LOST_RESPONSE);
      call.future.completeExceptionally(
          new TransientArrayException(
              "the array restarted before answering " + call.operation + " " + describe(call)));
    } else if (error != null) {
      recorder.call(call, CallOutcome.of(error));
      call.future.completeExceptionally(error);
    } else if (call.lost) {
      recorder.fault(FaultKind.LOST_RESPONSE);
      recorder.call(call, CallOutcome.LOST_RESPONSE);
      call.future.completeExceptionally(
          new TransientArrayException(
              "the answer to " + call.operation + " " + describe(call) + " was lost"));
    } else {
      recorder.call(call, CallOutcome.SUCCEEDED);
      call.future.complete(value);
    }
  }

  private static String describe(PendingCall<?> call) {
    StringBuilder b = new StringBuilder().append(call.store);
    if (call.subject != null) {
      b.append(' ').append(call.subject);
    }
    if (call.name != null) {
      b.append(" as ").append(call.name);
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ faults

  private boolean draw(double rate) {
    return rate > 0 && random.nextDouble() < rate;
  }

  private boolean injectBusy(PendingCall<?> call) {
    if (!draw(faults.transientBusyRate())) {
      return false;
    }
    recorder.fault(FaultKind.TRANSIENT_BUSY);
    refuse(call, new BusyException("the array is busy (simulated)", busyRetryAfter));
    return true;
  }

  private boolean injectReadFault(PendingCall<?> call) {
    if (!draw(faults.readFaultRate())) {
      return false;
    }
    recorder.fault(FaultKind.READ_FAULT);
    refuse(call, new TransientArrayException("the read timed out (simulated)"));
    return true;
  }

  private void drawAnswerFaults(PendingCall<?> call) {
    call.lost = draw(faults.lostResponseRate());
    if (draw(faults.latencySpikeRate())) {
      call.spikeNanos = saturatedNanos(faults.latencySpike());
      recorder.fault(FaultKind.LATENCY_SPIKE);
    }
  }

  // ------------------------------------------------------------------ checks and errors

  private @Nullable SimStore owned(StoreRef ref) {
    SimStore s = stores.get(ref.store());
    return s != null && s.ref.tenant().equals(ref.tenant()) ? s : null;
  }

  private void checkName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    declared.nameRules().check("name", name);
  }

  /** The key under which a store tells names apart, as the profile's name rules say. */
  private String key(String name) {
    return declared.nameRules().identityKey(name);
  }

  private @Nullable LimitReachedException containersFull() {
    int max = declared.maxContainersTotal();
    if (isLimited(max) && containersTotal >= max) {
      return new LimitReachedException(
          LimitReachedException.Scope.ARRAY_CONTAINERS,
          max,
          "the array holds " + containersTotal + " containers of every kind, its limit");
    }
    return null;
  }

  private static AccessDeniedException storeDenied(StoreRef store) {
    return new AccessDeniedException(
        "tenant " + store.tenant() + " does not own a store " + store.store());
  }

  private static AccessDeniedException containerDenied(StoreRef store, ContainerId container) {
    return new AccessDeniedException(container + " is not a container of " + store);
  }

  private static ContainerNotFoundException notFound(StoreRef store, ContainerId source) {
    return new ContainerNotFoundException("source " + source + " does not exist in " + store);
  }

  private static ConflictException notReady(SimContainer source) {
    return new ConflictException(
        "source " + source.id + " is " + source.state + ", not READY, so it cannot be copied");
  }

  private static InsufficientCapacityException insufficient(SimStore s, long needed) {
    return new InsufficientCapacityException(
        s.ref + " has " + s.freeBytes() + " bytes free; the container needs " + needed);
  }

  @Override
  public String toString() {
    return "SimulatedArray[" + profile.name() + "]";
  }

  /** Builds a {@link SimulatedArray}; every setter returns this builder. */
  public static final class Builder {
    private VendorProfile profile = VendorProfile.builder("Simulated array").build();
    private @Nullable LatencyModel latency;
    private long seed;
    private FaultPlan faults = FaultPlan.none();
    private boolean recordCalls = true;
    private @Nullable Duration busyRetryAfter;
    private Instant start = DEFAULT_START;

    private Builder() {}

    /**
     * Sets the vendor profile: the limits to enforce and, unless {@link #latency(LatencyModel)}
     * says otherwise, the latency model.
     *
     * @param value the profile
     * @return this builder
     */
    public Builder profile(VendorProfile value) {
      this.profile = requireNonNull(value, "profile");
      return this;
    }

    /**
     * Replaces the profile's latency model.
     *
     * @param value the model
     * @return this builder
     */
    public Builder latency(LatencyModel value) {
      this.latency = requireNonNull(value, "latency");
      return this;
    }

    /**
     * Sets the seed of every random choice the simulation makes.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the fault plan to start with.
     *
     * @param value the plan
     * @return this builder
     */
    public Builder faults(FaultPlan value) {
      this.faults = requireNonNull(value, "faults");
      return this;
    }

    /**
     * Turns the call log on (the default) or off; off for runs of millions of calls.
     *
     * @param value whether to record every call
     * @return this builder
     */
    public Builder recordCalls(boolean value) {
      this.recordCalls = value;
      return this;
    }

    /**
     * Sets the wait the array suggests when it answers busy; by default it suggests none.
     *
     * @param value the wait; not negative
     * @return this builder
     */
    public Builder busyRetryAfter(Duration value) {
      requireNonNull(value, "busyRetryAfter");
      if (value.isNegative()) {
        throw new IllegalArgumentException("busyRetryAfter must not be negative: " + value);
      }
      this.busyRetryAfter = value;
      return this;
    }

    /**
     * Sets the instant the virtual clock starts at.
     *
     * @param value the start
     * @return this builder
     */
    public Builder start(Instant value) {
      this.start = requireNonNull(value, "start");
      return this;
    }

    /**
     * Builds the array, with no stores yet.
     *
     * @return the array
     */
    public SimulatedArray build() {
      return new SimulatedArray(this);
    }
  }
}
