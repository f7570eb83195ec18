package dev.goldcopy.sim;

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

  private final VendorProfile profile;
  private final EventLoop loop = new EventLoop();
  private final long seed;
  private final Recorder recorder;
  private final Clock clock;
  private final SimInventory inventory;
  private final Answers answers;
  private final FaultInjector faults;
  private final CopyProgress progress;
  private final SpiCalls calls;
  private boolean running;

  private SimulatedArray(Builder builder) {
    LatencyModel override = builder.latency;
    this.profile =
        override == null ? builder.profile : builder.profile.toBuilder().latency(override).build();
    LatencyModel latency = profile.latency();
    this.seed = builder.seed;
    this.recorder = new Recorder(profile, loop, builder.recordCalls);
    this.inventory = new SimInventory(profile.capabilities().nameRules(), recorder);
    this.answers = new Answers(loop, recorder, latency.responseLatency().toNanos());
    this.faults =
        new FaultInjector(builder.seed, builder.faults, builder.busyRetryAfter, recorder, answers);
    this.progress =
        new CopyProgress(loop, inventory, answers, recorder, latency, profile.controllers());
    this.calls = new SpiCalls(profile, inventory, answers, faults, progress);
    this.clock = new VirtualClock(builder.start, this::nanosSinceStart, ZoneOffset.UTC);
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
    if (inventory.stores.containsKey(store)) {
      throw new IllegalArgumentException("store: the array already has a store " + store);
    }
    StoreRef ref = new StoreRef(tenant, store);
    int controller = inventory.stores.size() % profile.controllers();
    inventory.stores.put(store, new SimStore(ref, capacityBytes, controller));
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
    calls.checkName(name);
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
    SimStore s = inventory.owned(store);
    if (s == null) {
      throw Admission.storeDenied(store);
    }
    if (inventory.named(s, name) != null) {
      throw new ConflictException("name " + name + " is taken in " + store);
    }
    if (s.freeBytes() < sizeBytes) {
      throw Admission.insufficient(s, sizeBytes);
    }
    LimitReachedException full = calls.admission().containersFull();
    if (full != null) {
      throw full;
    }
    SimContainer origin =
        new SimContainer(
            inventory.nextId(),
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
    inventory.add(origin);
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
    return faults.plan();
  }

  /**
   * Changes the fault plan from now on, for example to turn faults off for a clean-up phase.
   *
   * @param plan the new plan
   * @throws NullPointerException if {@code plan} is null
   */
  public synchronized void setFaults(FaultPlan plan) {
    faults.setPlan(requireNonNull(plan, "plan"));
  }

  /**
   * Returns a snapshot of what the array has recorded so far.
   *
   * @return the records
   */
  public synchronized SimulationRecords records() {
    return recorder.snapshot(inventory.containers.values());
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

  static long saturatedNanos(Duration d) {
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
    return calls.capabilities(store);
  }

  @Override
  public synchronized CompletionStage<Inventory> inventory(StoreRef store) {
    requireNonNull(store, "store");
    return calls.inventory(store);
  }

  @Override
  public synchronized CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    calls.checkName(name);
    return calls.createPhysicalCopy(store, source, name, labels);
  }

  @Override
  public synchronized CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    requireNonNull(store, "store");
    requireNonNull(source, "source");
    requireNonNull(labels, "labels");
    calls.checkName(name);
    return calls.createVirtualCopy(store, source, name, labels);
  }

  @Override
  public synchronized CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    requireNonNull(store, "store");
    requireNonNull(container, "container");
    return calls.delete(store, container);
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
    return SpiCalls.listed(ownedOrThrow(store));
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
    return calls.report(ownedOrThrow(store));
  }

  private SimStore ownedOrThrow(StoreRef store) {
    SimStore s = inventory.owned(store);
    if (s == null) {
      throw new IllegalArgumentException("no store " + store);
    }
    return s;
  }

  // ------------------------------------------------------------------ faults of the world

  /**
   * Restarts the array's controller now: the answer of every call in flight is lost (its stage
   * fails with {@link TransientArrayException}, whatever the array did), and every container being
   * made, physical or virtual, stops and is left {@link ContainerState#FAILED}.
   */
  public synchronized void restart() {
    answers.restarted();
    recorder.fault(FaultKind.RESTART);
    progress.failAll();
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
    SimContainer c = inventory.containers.get(container);
    SimStore s = inventory.owned(store);
    if (c == null || s == null || c.store != s) {
      return false;
    }
    recorder.fault(FaultKind.OUT_OF_BAND_DELETE);
    for (SimContainer other : inventory.containers.values()) {
      PhysicalCopy copy = other.copy();
      if (other.parent == c || (copy != null && copy.source == c)) {
        progress.remove(other);
      }
    }
    progress.remove(c);
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
    SimStore s = inventory.owned(store);
    if (s == null || bytes < 0) {
      throw new IllegalArgumentException("no store " + store + ", or negative bytes " + bytes);
    }
    long taken = Math.min(bytes, Math.max(0, s.freeBytes()));
    s.usedBytes += taken;
    recorder.fault(FaultKind.CAPACITY_TAKEN);
    recorder.capacityUsed(s);
    return taken;
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
