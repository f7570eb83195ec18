package dev.goldcopy.test;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContentId;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TestStore}, from {@link TestStore#builder()}; every setter returns this builder.
 */
public final class TestStoreBuilder {
  VendorProfile profile = VendorProfile.DELL_MD3200;
  long seed;
  ContentId image = TestStore.DEFAULT_IMAGE;
  String originName = "golden";
  long originBytes = TestStore.DEFAULT_ORIGIN_BYTES;
  String tenant = "acme";
  String storeId = "pool-1";
  @Nullable Long capacityBytes;
  FaultPlan faults = FaultPlan.none();
  PlanningPolicy policy = PlanningPolicy.defaults();
  String vmPrefix = "vm";

  TestStoreBuilder() {}

  /**
   * Sets the array's profile.
   *
   * @param value the profile
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder profile(VendorProfile value) {
    this.profile = requireNonNull(value, "profile");
    return this;
  }

  /**
   * Sets the one seed of the run.
   *
   * @param value the seed
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder seed(long value) {
    this.seed = value;
    return this;
  }

  /**
   * Sets the origin's image, name and size.
   *
   * @param content the image version; its image id names the group
   * @param name the origin's container name
   * @param sizeBytes its size
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder origin(ContentId content, String name, long sizeBytes) {
    this.image = requireNonNull(content, "content");
    this.originName = requireNonNull(name, "name");
    this.originBytes = sizeBytes;
    return this;
  }

  /**
   * Sets the tenant and store ids.
   *
   * @param tenantId the tenant
   * @param store the store
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder store(String tenantId, String store) {
    this.tenant = requireNonNull(tenantId, "tenantId");
    this.storeId = requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets the store's capacity (the profile's store capacity unless set).
   *
   * @param value bytes, positive
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder capacityBytes(long value) {
    this.capacityBytes = value;
    return this;
  }

  /**
   * Sets the faults the simulator injects.
   *
   * @param value the fault plan
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder faults(FaultPlan value) {
    this.faults = requireNonNull(value, "faults");
    return this;
  }

  /**
   * Sets the policy the calls without one use.
   *
   * @param value the policy
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder policy(PlanningPolicy value) {
    this.policy = requireNonNull(value, "policy");
    return this;
  }

  /**
   * Sets the prefix of the VMs {@link TestStore#demand(int)} names.
   *
   * @param value the prefix
   * @return this builder
   */
  @CanIgnoreReturnValue
  public TestStoreBuilder vmPrefix(String value) {
    this.vmPrefix = requireNonNull(value, "vmPrefix");
    return this;
  }

  /**
   * Makes the array, the store and its origin.
   *
   * @return the store
   */
  public TestStore build() {
    return new TestStore(this);
  }
}
