package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;

/**
 * The limits and speeds of one kind of array, for a {@link SimulatedArray} to enforce and model.
 *
 * <p>The named profiles carry the copy limits their vendors publish, each citing its source. What
 * vendors do not publish (copy and clone concurrency, bandwidth, latency, capacity, name length,
 * the capacity a clone grows by) is a simulation default, the same for every profile unless its
 * description says otherwise: {@value #DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES} concurrent physical
 * copies, {@value #DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES} concurrent clone creations, 100 TiB per
 * store, 256 MiB of growth per clone, {@value #DEFAULT_MAX_NAME_LENGTH}-character names and {@link
 * LatencyModel#DEFAULT}. Where a vendor's manual gives no array-wide total or depth, the profile
 * declares none (array-wide total unlimited, depth 1: no clone of a clone).
 *
 * @param name a short name for reports
 * @param maxVirtualCopiesPerSource the per-source virtual copy limit, or {@link
 *     ArrayCapabilities#UNLIMITED}
 * @param maxVirtualCopiesTotal the array-wide virtual copy limit, or {@link
 *     ArrayCapabilities#UNLIMITED}
 * @param maxLocalReplicationDepth how deep virtual copies may chain (1: no clone of a clone), or
 *     {@link ArrayCapabilities#UNLIMITED}
 * @param maxConcurrentPhysicalCopies physical copies in progress at once before busy, or {@link
 *     ArrayCapabilities#UNLIMITED}
 * @param maxConcurrentVirtualCopies clone creations in progress at once before busy, or {@link
 *     ArrayCapabilities#UNLIMITED}
 * @param maxNameLength the longest container name, in characters; positive
 * @param storeCapacityBytes the capacity of a store added without one; positive
 * @param cloneGrowthBytes the capacity each virtual copy takes; not negative
 * @param latency the latency model
 */
public record VendorProfile(
    String name,
    int maxVirtualCopiesPerSource,
    int maxVirtualCopiesTotal,
    int maxLocalReplicationDepth,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    int maxNameLength,
    long storeCapacityBytes,
    long cloneGrowthBytes,
    LatencyModel latency) {

  /** Simulation default: physical copies in progress at once. */
  public static final int DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES = 8;

  /** Simulation default: clone creations in progress at once. */
  public static final int DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES = 64;

  /** Simulation default: the longest container name. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 255;

  private static final long MIB = 1L << 20;
  private static final long TIB = 1L << 40;
  private static final long DEFAULT_STORE_CAPACITY = 100 * TIB;
  private static final long DEFAULT_CLONE_GROWTH = 256 * MIB;

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
   * @throws NullPointerException if {@code name} or {@code latency} is null
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public VendorProfile {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    nonNegative("maxVirtualCopiesPerSource", maxVirtualCopiesPerSource);
    nonNegative("maxVirtualCopiesTotal", maxVirtualCopiesTotal);
    nonNegative("maxLocalReplicationDepth", maxLocalReplicationDepth);
    nonNegative("maxConcurrentPhysicalCopies", maxConcurrentPhysicalCopies);
    nonNegative("maxConcurrentVirtualCopies", maxConcurrentVirtualCopies);
    if (maxNameLength < 1) {
      throw new IllegalArgumentException("maxNameLength must be positive: " + maxNameLength);
    }
    if (storeCapacityBytes < 1) {
      throw new IllegalArgumentException(
          "storeCapacityBytes must be positive: " + storeCapacityBytes);
    }
    nonNegative("cloneGrowthBytes", cloneGrowthBytes);
    requireNonNull(latency, "latency");
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Returns the capabilities a store of this profile declares.
   *
   * @param totalCapacityBytes the store's capacity
   * @param freeCapacityBytes its free capacity
   * @return the capabilities
   */
  ArrayCapabilities capabilities(long totalCapacityBytes, long freeCapacityBytes) {
    return new ArrayCapabilities(
        maxVirtualCopiesPerSource,
        maxVirtualCopiesTotal,
        maxLocalReplicationDepth,
        maxConcurrentPhysicalCopies,
        maxConcurrentVirtualCopies,
        totalCapacityBytes,
        freeCapacityBytes,
        latency.aggregateBytesPerSecond(),
        maxNameLength);
  }

  /**
   * Returns a builder for a custom profile that starts with no copy limits, depth 1 and the
   * simulation defaults for everything else.
   *
   * @param name the profile's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns a builder that starts from this profile, to vary one of its figures.
   *
   * @return a new builder holding these values
   */
  public Builder toBuilder() {
    return new Builder(name)
        .maxVirtualCopiesPerSource(maxVirtualCopiesPerSource)
        .maxVirtualCopiesTotal(maxVirtualCopiesTotal)
        .maxLocalReplicationDepth(maxLocalReplicationDepth)
        .maxConcurrentPhysicalCopies(maxConcurrentPhysicalCopies)
        .maxConcurrentVirtualCopies(maxConcurrentVirtualCopies)
        .maxNameLength(maxNameLength)
        .storeCapacityBytes(storeCapacityBytes)
        .cloneGrowthBytes(cloneGrowthBytes)
        .latency(latency);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link VendorProfile}; every setter returns this builder. */
  public static final class Builder {
    private String name;
    private int maxVirtualCopiesPerSource = ArrayCapabilities.UNLIMITED;
    private int maxVirtualCopiesTotal = ArrayCapabilities.UNLIMITED;
    private int maxLocalReplicationDepth = 1;
    private int maxConcurrentPhysicalCopies = DEFAULT_MAX_CONCURRENT_PHYSICAL_COPIES;
    private int maxConcurrentVirtualCopies = DEFAULT_MAX_CONCURRENT_VIRTUAL_COPIES;
    private int maxNameLength = DEFAULT_MAX_NAME_LENGTH;
    private long storeCapacityBytes = DEFAULT_STORE_CAPACITY;
    private long cloneGrowthBytes = DEFAULT_CLONE_GROWTH;
    private LatencyModel latency = LatencyModel.DEFAULT;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the profile's name.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /**
     * Sets the per-source virtual copy limit.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxVirtualCopiesPerSource(int value) {
      this.maxVirtualCopiesPerSource = value;
      return this;
    }

    /**
     * Sets the array-wide virtual copy limit.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxVirtualCopiesTotal(int value) {
      this.maxVirtualCopiesTotal = value;
      return this;
    }

    /**
     * Sets how deep virtual copies may chain.
     *
     * @param value the depth (1: no clone of a clone), or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxLocalReplicationDepth(int value) {
      this.maxLocalReplicationDepth = value;
      return this;
    }

    /**
     * Sets how many physical copies may be in progress at once.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxConcurrentPhysicalCopies(int value) {
      this.maxConcurrentPhysicalCopies = value;
      return this;
    }

    /**
     * Sets how many clone creations may be in progress at once.
     *
     * @param value the limit, or {@link ArrayCapabilities#UNLIMITED}
     * @return this builder
     */
    public Builder maxConcurrentVirtualCopies(int value) {
      this.maxConcurrentVirtualCopies = value;
      return this;
    }

    /**
     * Sets the longest container name.
     *
     * @param value characters
     * @return this builder
     */
    public Builder maxNameLength(int value) {
      this.maxNameLength = value;
      return this;
    }

    /**
     * Sets the capacity of a store added without one.
     *
     * @param value bytes
     * @return this builder
     */
    public Builder storeCapacityBytes(long value) {
      this.storeCapacityBytes = value;
      return this;
    }

    /**
     * Sets the capacity each virtual copy takes.
     *
     * @param value bytes
     * @return this builder
     */
    public Builder cloneGrowthBytes(long value) {
      this.cloneGrowthBytes = value;
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
     * Builds the profile.
     *
     * @return the profile
     * @throws NullPointerException if the name or latency model is null
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public VendorProfile build() {
      return new VendorProfile(
          name,
          maxVirtualCopiesPerSource,
          maxVirtualCopiesTotal,
          maxLocalReplicationDepth,
          maxConcurrentPhysicalCopies,
          maxConcurrentVirtualCopies,
          maxNameLength,
          storeCapacityBytes,
          cloneGrowthBytes,
          latency);
    }
  }
}
