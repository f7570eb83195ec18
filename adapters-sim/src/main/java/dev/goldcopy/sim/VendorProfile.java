package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.NameRules;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits and speeds of one kind of array, for a {@link SimulatedArray} to enforce and model.
 *
 * <p>A profile holds the {@link ArrayCapabilities} the array declares (its limits, name rules and
 * copy costs; capacity and usage are filled in per store when the simulator answers) plus what only
 * a simulation needs: the capacity of a new store and the latency model.
 *
 * <p>The named profiles carry the copy limits their vendors publish, each citing its source. What
 * vendors do not publish (copy and clone concurrency, bandwidth, latency, capacity, name length,
 * the capacity a clone takes) is a simulation default, the same for every profile unless its
 * description says otherwise: {@value #DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES} concurrent physical
 * copies, {@value #DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES} concurrent clone creations, 100 TiB per
 * store, thick physical copies and 256 MiB per new clone, permissive {@value
 * #DEFAULT_MAX_NAME_LENGTH}-byte names and {@link LatencyModel#DEFAULT}. Where a vendor's manual
 * gives no array-wide total or depth, the profile declares none (array-wide totals unlimited, depth
 * 1: no clone of a clone).
 *
 * <p>{@code controllers} models the array's controllers: each store belongs to one of them (the
 * n-th store added to a simulated array to controller n mod {@code controllers}, as a
 * dual-controller array puts pool A on controller A and pool B on controller B), and the copies of
 * the stores a controller owns share its copy bandwidth ({@link
 * LatencyModel#aggregateBytesPerSecond()}). One controller, the default, is the whole array.
 *
 * @param name a short name for reports
 * @param capabilities what the array declares; its capacity, usage and bandwidth fields (the
 *     copy bandwidth and the copies one source feeds at full rate, which the latency model gives)
 *     are ignored, the simulator reports them per store
 * @param storeCapacityBytes the capacity of a store added without one; positive
 * @param latency the latency model
 * @param controllers how many controllers share out the stores and the copy bandwidth; positive
 */
public record VendorProfile(
    String name,
    ArrayCapabilities capabilities,
    long storeCapacityBytes,
    LatencyModel latency,
    int controllers) {

  /** Simulation default: physical copies in progress at once. */
  public static final int DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES = 8;

  /** Simulation default: clone creations in progress at once. */
  public static final int DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES = 64;

  /** Simulation default: the longest container name, in UTF-8 bytes. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 255;

  /** Simulation default: the capacity a new virtual copy takes, 256 MiB. */
  public static final long DEFAULT_CLONE_BYTES = 256L << 20;

  private static final long TIB = 1L << 40;
  private static final long DEFAULT_STORE_CAPACITY = 100 * TIB;

  /**
   * HPE 3PAR: up to 500 virtual copies per base volume (3PAR concepts guide). 3PAR's read/write
   * copies of read-only copies (256 per read-only copy) are not modelled: depth 1.
   */
  public static final VendorProfile HPE_3PAR =
      builder("HPE 3PAR").maxVirtualCopiesPerSource(500).build();

  /** Dell PS Series (EqualLogic): 512 snapshots per volume (Dell PS Series documentation). */
  public static final VendorProfile DELL_PS =
      builder("Dell PS Series").maxVirtualCopiesPerSource(512).build();

  /**
   * Dell PowerVault MD3200/MD3220: 8 snapshots per LUN and 128 per array (MD3200 owner's manual,
   * premium feature card).
   */
  public static final VendorProfile DELL_MD3200 =
      builder("Dell PowerVault MD3200")
          .maxVirtualCopiesPerSource(8)
          .maxVirtualCopiesTotal(128)
          .build();

  /**
   * Dell PowerVault ME4: 254 snapshots per snapshot tree, 255 volumes with the base (ME4
   * administrator guide). With depth 1 a tree is one base and its snapshots.
   */
  public static final VendorProfile DELL_ME4 =
      builder("Dell PowerVault ME4").maxVirtualCopiesPerSource(254).build();

  /**
   * Dell PowerVault ME4 with "large pools" enabled: 8 snapshots per snapshot tree (ME4
   * administrator guide). The simulation gives it {@code 4} concurrent physical copies and 16 TiB
   * per store (room for about 250 replicas of a 40 GiB image and their clones), both simulation
   * figures, and no array-wide total.
   */
  public static final VendorProfile DELL_ME4_LARGE_POOLS =
      builder("Dell PowerVault ME4 (large pools)")
          .maxVirtualCopiesPerSource(8)
          .maxConcurrentPhysicalCopies(4)
          .storeCapacityBytes(16 * TIB)
          .build();

  /**
   * EMC VNX SnapSure: 16 writable checkpoints per file system (96 read-only ones are not what a
   * virtual machine runs from) (VNX and Horizon reference architecture).
   */
  public static final VendorProfile EMC_VNX =
      builder("EMC VNX SnapSure").maxVirtualCopiesPerSource(16).build();

  /**
   * Dell PowerStore: about 32 to 64 writable snapshots per volume, the reason KubeVirt's CDI
   * switched PowerStore to full copies (kubevirt/containerized-data-importer issue 3520). The
   * profile takes the low end, 32.
   */
  public static final VendorProfile DELL_POWERSTORE =
      builder("Dell PowerStore").maxVirtualCopiesPerSource(32).build();

  /**
   * Ceph RBD: 510 snapshots per image (ceph/ceph-csi issue 1098); clones chain at most 5 deep, the
   * default of the OpenStack Cinder RBD driver's {@code rbd_max_clone_depth} before it flattens.
   */
  public static final VendorProfile CEPH_RBD =
      builder("Ceph RBD").maxVirtualCopiesPerSource(510).maxLocalReplicationDepth(5).build();

  /**
   * Checks the values.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public VendorProfile {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    requireNonNull(capabilities, "capabilities");
    if (storeCapacityBytes < 1) {
      throw new IllegalArgumentException(
          "storeCapacityBytes must be positive: " + storeCapacityBytes);
    }
    requireNonNull(latency, "latency");
    if (controllers < 1) {
      throw new IllegalArgumentException("controllers must be positive: " + controllers);
    }
  }

  /**
   * Creates a profile with one controller.
   *
   * @param name a short name for reports
   * @param capabilities what the array declares
   * @param storeCapacityBytes the capacity of a store added without one; positive
   * @param latency the latency model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public VendorProfile(
      String name, ArrayCapabilities capabilities, long storeCapacityBytes, LatencyModel latency) {
    this(name, capabilities, storeCapacityBytes, latency, 1);
  }

  /**
   * Returns the capabilities an empty store of this array with the profile's store capacity
   * reports: everything free, nothing used. For planning a hand-made inventory without a simulator.
   *
   * @return the capabilities as the SPI reports them
   */
  public ArrayCapabilities storeCapabilities() {
    return capabilities(storeCapacityBytes, storeCapacityBytes, 0, 0);
  }

  /**
   * Returns the capabilities a store of this array reports, with its capacity and the array's
   * current usage, as {@link SimulatedArray#capabilities} answers for it.
   *
   * @param totalCapacityBytes the store's capacity
   * @param freeCapacityBytes the store's free capacity, at most {@code totalCapacityBytes}
   * @param usedVirtualCopies virtual copies the whole array holds now
   * @param usedContainers containers of every kind the whole array holds now
   * @return the capabilities as the SPI reports them
   * @throws IllegalArgumentException if a value is negative or the free capacity exceeds the total
   */
  public ArrayCapabilities capabilities(
      long totalCapacityBytes, long freeCapacityBytes, int usedVirtualCopies, int usedContainers) {
    return report(totalCapacityBytes, freeCapacityBytes, usedVirtualCopies, usedContainers);
  }

  /** The capabilities a store reports; see {@link #capabilities(long, long, int, int)}. */
  ArrayCapabilities report(
      long totalCapacityBytes, long freeCapacityBytes, int usedVirtualCopies, int usedContainers) {
    return capabilities.toBuilder()
        .totalCapacityBytes(totalCapacityBytes)
        .freeCapacityBytes(freeCapacityBytes)
        .usedVirtualCopiesTotal(usedVirtualCopies)
        .usedContainersTotal(usedContainers)
        .copyBandwidthBytesPerSecond(latency.aggregateBytesPerSecond())
        .fullRateCopiesPerSource(latency.fullRateCopiesPerSource())
        .build();
  }

  /**
   * Returns the capacity a new virtual copy takes on this array.
   *
   * @return {@code capabilities().copyCosts().virtualCopyBytes()}
   */
  public long cloneBytes() {
    return capabilities.copyCosts().virtualCopyBytes();
  }

  /**
   * Returns the named profiles, keyed by a short command-line name.
   *
   * @return the built-in profiles, in a stable order
   */
  public static Map<String, VendorProfile> builtIns() {
    Map<String, VendorProfile> all = new LinkedHashMap<>();
    all.put("hpe-3par", HPE_3PAR);
    all.put("dell-ps", DELL_PS);
    all.put("dell-md3200", DELL_MD3200);
    all.put("dell-me4", DELL_ME4);
    all.put("dell-me4-large-pools", DELL_ME4_LARGE_POOLS);
    all.put("emc-vnx", EMC_VNX);
    all.put("dell-powerstore", DELL_POWERSTORE);
    all.put("ceph-rbd", CEPH_RBD);
    return Collections.unmodifiableMap(all);
  }

  /**
   * Returns a builder with the simulation defaults and no copy limits.
   *
   * @param name the profile's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns a builder that starts from this profile.
   *
   * @return a new builder holding these values
   */
  public Builder toBuilder() {
    Builder b =
        new Builder(name)
            .storeCapacityBytes(storeCapacityBytes)
            .latency(latency)
            .controllers(controllers);
    b.capabilities = capabilities.toBuilder();
    return b;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Builds a {@link VendorProfile}; every setter returns this builder. The limit setters set the
   * profile's {@link ArrayCapabilities}.
   */
  public static final class Builder {
    private String name;
    private ArrayCapabilities.Builder capabilities =
        ArrayCapabilities.builder()
            .maxConcurrentPhysicalCopies(DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES)
            .maxConcurrentVirtualCopies(DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES)
            .nameRules(NameRules.permissive(DEFAULT_MAX_NAME_LENGTH))
            .copyCosts(CopyCosts.thick(DEFAULT_CLONE_BYTES));
    private long storeCapacityBytes = DEFAULT_STORE_CAPACITY;
    private LatencyModel latency = LatencyModel.DEFAULT;
    private int controllers = 1;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /**
     * Replaces every declared capability at once.
     *
     * @param value the capabilities (capacity, usage and bandwidth are ignored)
     * @return this builder
     */
    public Builder capabilities(ArrayCapabilities value) {
      this.capabilities = value.toBuilder();
      return this;
    }

    /**
     * Sets the per-source virtual copy limit.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxVirtualCopiesPerSource(int value) {
      capabilities.maxVirtualCopiesPerSource(value);
      return this;
    }

    /**
     * Sets the array-wide virtual copy limit.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxVirtualCopiesTotal(int value) {
      capabilities.maxVirtualCopiesTotal(value);
      return this;
    }

    /**
     * Sets the array-wide limit on containers of every kind.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxContainersTotal(int value) {
      capabilities.maxContainersTotal(value);
      return this;
    }

    /**
     * Sets how deep virtual copies may chain.
     *
     * @param value the depth, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxLocalReplicationDepth(int value) {
      capabilities.maxLocalReplicationDepth(value);
      return this;
    }

    /**
     * Sets how many physical copies may run at once.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxConcurrentPhysicalCopies(int value) {
      capabilities.maxConcurrentPhysicalCopies(value);
      return this;
    }

    /**
     * Sets how many clone creations may run at once.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxConcurrentVirtualCopies(int value) {
      capabilities.maxConcurrentVirtualCopies(value);
      return this;
    }

    /**
     * Sets whether the array can make virtual copies at all.
     *
     * @param value false for an array that makes only full copies
     * @return this builder
     */
    public Builder virtualCopiesSupported(boolean value) {
      capabilities.virtualCopiesSupported(value);
      return this;
    }

    /**
     * Sets the name rules.
     *
     * @param value the rules
     * @return this builder
     */
    public Builder nameRules(NameRules value) {
      capabilities.nameRules(value);
      return this;
    }

    /**
     * Sets the longest container name, keeping the allowed characters.
     *
     * @param value the length in UTF-8 bytes; positive
     * @return this builder
     */
    public Builder maxNameLength(int value) {
      capabilities.maxNameLength(value);
      return this;
    }

    /**
     * Sets what new copies cost in capacity.
     *
     * @param value the costs
     * @return this builder
     */
    public Builder copyCosts(CopyCosts value) {
      capabilities.copyCosts(value);
      return this;
    }

    /**
     * Sets the capacity of a store added without one.
     *
     * @param value bytes; positive
     * @return this builder
     */
    public Builder storeCapacityBytes(long value) {
      this.storeCapacityBytes = value;
      return this;
    }

    /**
     * Sets the latency model.
     *
     * @param value the model
     * @return this builder
     */
    public Builder latency(LatencyModel value) {
      this.latency = value;
      return this;
    }

    /**
     * Sets how many controllers share out the stores and the copy bandwidth.
     *
     * @param value the count; positive
     * @return this builder
     */
    public Builder controllers(int value) {
      this.controllers = value;
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public VendorProfile build() {
      return new VendorProfile(
          name, capabilities.build(), storeCapacityBytes, latency, controllers);
    }
  }
}
