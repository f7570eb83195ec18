package dev.goldcopy.test;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A store on a simulated array, holding an origin, ready to plan and provision on virtual time in
 * one call. Everything random in it (the simulator, the retry jitter) derives from one {@link
 * #seed()}.
 *
 * <pre>{@code
 * TestStore store = TestStore.on(VendorProfile.DELL_MD3200);
 * ReplicationPlan plan = store.plan(100);                 // 100 VMs, nothing touches the array
 * Provisioning run = store.provision(100);                // carried out on virtual time
 * }</pre>
 *
 * <p>Each call plans or runs against the store as it is now, so successive calls build on each
 * other: {@code provision(140)} then {@code provision(100)} grows the store and shrinks it again.
 */
public final class TestStore {
  /** The image the origin holds unless the builder says otherwise. */
  public static final ContentId DEFAULT_IMAGE = ContentId.of("win11", "2026.11");

  /** The origin's size unless the builder says otherwise: 40 GiB. */
  public static final long DEFAULT_ORIGIN_BYTES = 40L << 30;

  private final SimulatedArray array;
  private final StoreRef store;
  private final Container origin;
  private final PlanningPolicy policy;
  private final String vmPrefix;
  private final long seed;

  TestStore(TestStoreBuilder b) {
    this.seed = b.seed;
    this.array = SimulatedArray.builder().profile(b.profile).seed(Seeds.simulator(b.seed))
        .faults(b.faults).recordCalls(true).build();
    Long capacity = b.capacityBytes;
    this.store = capacity == null
        ? array.addStore(TenantId.of(b.tenant), StoreId.of(b.storeId))
        : array.addStore(TenantId.of(b.tenant), StoreId.of(b.storeId), capacity);
    this.origin = array.createOrigin(store, b.originName, b.image,
        GroupId.of(b.image.imageId()), b.originBytes);
    this.policy = b.policy;
    this.vmPrefix = b.vmPrefix;
  }

  /**
   * Returns a store on {@code profile} with the defaults and seed 0.
   *
   * @param profile the array
   * @return the store
   */
  public static TestStore on(VendorProfile profile) {
    return builder().profile(profile).build();
  }

  /**
   * Returns a builder: MD3200, seed 0, an origin {@code golden} of 40 GiB holding {@link
   * #DEFAULT_IMAGE} in group {@code win11}, tenant {@code acme}, store {@code pool-1}, the
   * profile's store capacity, no faults, {@link PlanningPolicy#defaults()}, VMs named {@code
   * vm-00001} on.
   *
   * @return a new builder
   */
  public static TestStoreBuilder builder() {
    return new TestStoreBuilder();
  }

  /**
   * Returns a demand of {@code vms} VMs of the origin's image, {@code vm-00001} on.
   *
   * @param vms how many VMs
   * @return the demand
   */
  public Demand demand(int vms) {
    return Demand.of(image(), vmPrefix, vms);
  }

  /**
   * Returns the planner's input for {@code demand} on the store as it is now.
   *
   * @param demand the VMs
   * @return the input, ready for {@link ContainerReplicationPlanner#plan}
   */
  public PlanningInput input(Demand demand) {
    return new PlanningInput(store, capabilities(), inventory(), demand);
  }

  /**
   * Plans {@code vms} VMs with the store's policy; nothing touches the array.
   *
   * @param vms how many VMs
   * @return the plan
   */
  public ReplicationPlan plan(int vms) {
    return plan(policy, demand(vms));
  }

  /**
   * Plans {@code demand} with {@code policy}; nothing touches the array.
   *
   * @param policy the policy
   * @param demand the VMs
   * @return the plan
   */
  public ReplicationPlan plan(PlanningPolicy policy, Demand demand) {
    return ContainerReplicationPlanner.create(policy).plan(input(demand));
  }

  /**
   * Provisions {@code vms} VMs with the store's policy on virtual time and waits for the end.
   *
   * @param vms how many VMs
   * @return the run
   */
  public Provisioning provision(int vms) {
    return provision(policy, demand(vms), null);
  }

  /**
   * Provisions {@code demand} with {@code policy} on virtual time and waits for the end.
   *
   * @param policy the policy
   * @param demand the VMs
   * @param deadline the simulated time the run may take before it stops, or null for none
   * @return the run
   */
  public Provisioning provision(
      PlanningPolicy policy, Demand demand, @Nullable Duration deadline) {
    Inventory before = inventory();
    long freeBefore = capabilities().freeCapacityBytes();
    Duration start = array.elapsed();
    ExecutionResult result = array.await(executor(policy, deadline).start(store, demand).result());
    Duration elapsed = array.elapsed().minus(start);
    return new Provisioning(result, origin, before, inventory(), elapsed, array.records(),
        freeBefore, capabilities().freeCapacityBytes(), seed);
  }

  /**
   * Returns an executor wired to the simulator: direct executor, the simulator's scheduler and
   * clock, the default retry policy with its jitter seeded from {@link #seed()}.
   *
   * @param policy the planning policy
   * @param deadline the simulated time a run may take, or null for none
   * @return the executor
   */
  public ReplicationExecutor executor(PlanningPolicy policy, @Nullable Duration deadline) {
    RetryPolicy d = RetryPolicy.defaults();
    ReplicationExecutor.Builder b = ReplicationExecutor.builder(array)
        .planner(ContainerReplicationPlanner.create(policy))
        .executor(Runnable::run)
        .scheduler(array::schedule)
        .clock(array.clock())
        .retryPolicy(new RetryPolicy(d.maxAttempts(), d.initialBackoff(), d.maxBackoff(),
            d.multiplier(), d.jitter(), Seeds.retry(seed)));
    if (deadline != null) {
      b.deadline(deadline);
    }
    return b.build();
  }

  /**
   * Returns the store's inventory now.
   *
   * @return the inventory
   */
  public Inventory inventory() {
    return array.await(array.inventory(store));
  }

  /**
   * Returns the store's capabilities now.
   *
   * @return the capabilities
   */
  public ArrayCapabilities capabilities() {
    return array.await(array.capabilities(store));
  }

  /**
   * Returns the simulated array, for faults and records.
   *
   * @return the array
   */
  public SimulatedArray array() {
    return array;
  }

  /**
   * Returns the store's tenant and id.
   *
   * @return the store
   */
  public StoreRef store() {
    return store;
  }

  /**
   * Returns the origin as it was made.
   *
   * @return the origin
   */
  public Container origin() {
    return origin;
  }

  /**
   * Returns the image the origin holds.
   *
   * @return the image version
   */
  public ContentId image() {
    return origin.content();
  }

  /**
   * Returns the store's policy, used by the calls that take none.
   *
   * @return the policy
   */
  public PlanningPolicy policy() {
    return policy;
  }

  /**
   * Returns the one seed the simulator and the retry jitter derive from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return store + " on " + array.profile() + " (seed " + seed + ")";
  }
}
