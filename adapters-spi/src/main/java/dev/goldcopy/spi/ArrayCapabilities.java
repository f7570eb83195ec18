package dev.goldcopy.spi;

/**
 * What a store's copy engine can do, as the array declares it. The names follow SNIA SMI-S
 * Replication Services, where a maximum of {@value #UNLIMITED} means "no limit" (as in
 * {@code GetSupportedMaximum}).
 *
 * <p>A snapshot: free capacity changes as containers come and go, so callers ask again before each
 * plan.
 *
 * @param maxVirtualCopiesPerSource the most virtual copies one source may have at once (SMI-S
 *     {@code MaximumReplicasPerSource} for the snapshot or clone type); {@value #UNLIMITED} for no
 *     limit
 * @param maxVirtualCopiesTotal the most virtual copies the array holds in all; {@value #UNLIMITED}
 *     for no limit
 * @param maxLocalReplicationDepth how deep virtual copies may chain (SMI-S {@code
 *     MaximumLocalReplicationDepth}): 1 means a virtual copy may not be the source of another;
 *     {@value #UNLIMITED} for no limit
 * @param maxConcurrentPhysicalCopies the most physical copies in progress at once before the array
 *     answers busy; {@value #UNLIMITED} for no limit
 * @param maxConcurrentVirtualCopies the most virtual copy creations in progress at once before the
 *     array answers busy; {@value #UNLIMITED} for no limit
 * @param totalCapacityBytes the store's usable capacity
 * @param freeCapacityBytes the capacity not yet used; at most {@code totalCapacityBytes}
 * @param copyBandwidthBytesPerSecond the aggregate rate physical copies move bytes at, shared by
 *     concurrent copies; {@value #UNLIMITED} if the array does not say
 * @param maxNameLength the longest container name the array accepts, in characters
 */
public record ArrayCapabilities(
    int maxVirtualCopiesPerSource,
    int maxVirtualCopiesTotal,
    int maxLocalReplicationDepth,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    long totalCapacityBytes,
    long freeCapacityBytes,
    long copyBandwidthBytesPerSecond,
    int maxNameLength) {

  /** The value of a maximum that means "no limit", as in SMI-S. */
  public static final int UNLIMITED = 0;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if a value is negative, the free capacity
   *     exceeds the total, or the name length is not positive
   */
  public ArrayCapabilities {
    nonNegative("maxVirtualCopiesPerSource", maxVirtualCopiesPerSource);
    nonNegative("maxVirtualCopiesTotal", maxVirtualCopiesTotal);
    nonNegative("maxLocalReplicationDepth", maxLocalReplicationDepth);
    nonNegative("maxConcurrentPhysicalCopies", maxConcurrentPhysicalCopies);
    nonNegative("maxConcurrentVirtualCopies", maxConcurrentVirtualCopies);
    nonNegative("totalCapacityBytes", totalCapacityBytes);
    nonNegative("freeCapacityBytes", freeCapacityBytes);
    nonNegative("copyBandwidthBytesPerSecond", copyBandwidthBytesPerSecond);
    if (freeCapacityBytes > totalCapacityBytes) {
      throw new IllegalArgumentException(
          "freeCapacityBytes (" + freeCapacityBytes + ") must not exceed totalCapacityBytes ("
              + totalCapacityBytes + ")");
    }
    if (maxNameLength < 1) {
      throw new IllegalArgumentException("maxNameLength must be positive: " + maxNameLength);
    }
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Returns whether {@code maximum} is a real limit rather than {@link #UNLIMITED}.
   *
   * @param maximum one of this record's maxima
   * @return true if it limits
   */
  public static boolean isLimited(long maximum) {
    return maximum != UNLIMITED;
  }

  /**
   * Returns whether a virtual copy may be the source of another virtual copy.
   *
   * @return true if the replication depth allows clones of clones
   */
  public boolean allowsVirtualCopyOfVirtualCopy() {
    return maxLocalReplicationDepth != 1;
  }

  /**
   * Returns a copy of these capabilities with another free capacity.
   *
   * @param freeBytes the free capacity
   * @return the copy
   * @throws IllegalArgumentException if {@code freeBytes} is negative or exceeds the total
   */
  public ArrayCapabilities withFreeCapacityBytes(long freeBytes) {
    return new ArrayCapabilities(
        maxVirtualCopiesPerSource,
        maxVirtualCopiesTotal,
        maxLocalReplicationDepth,
        maxConcurrentPhysicalCopies,
        maxConcurrentVirtualCopies,
        totalCapacityBytes,
        freeBytes,
        copyBandwidthBytesPerSecond,
        maxNameLength);
  }

  /**
   * Returns a builder that starts with no limits, unbounded capacity and 255-character names.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that starts from these capabilities.
   *
   * @return a new builder holding these values
   */
  public Builder toBuilder() {
    return new Builder()
        .maxVirtualCopiesPerSource(maxVirtualCopiesPerSource)
        .maxVirtualCopiesTotal(maxVirtualCopiesTotal)
        .maxLocalReplicationDepth(maxLocalReplicationDepth)
        .maxConcurrentPhysicalCopies(maxConcurrentPhysicalCopies)
        .maxConcurrentVirtualCopies(maxConcurrentVirtualCopies)
        .totalCapacityBytes(totalCapacityBytes)
        .freeCapacityBytes(freeCapacityBytes)
        .copyBandwidthBytesPerSecond(copyBandwidthBytesPerSecond)
        .maxNameLength(maxNameLength);
  }

  /** Builds {@link ArrayCapabilities}; every setter returns this builder. */
  public static final class Builder {
    private int maxVirtualCopiesPerSource = UNLIMITED;
    private int maxVirtualCopiesTotal = UNLIMITED;
    private int maxLocalReplicationDepth = 1;
    private int maxConcurrentPhysicalCopies = UNLIMITED;
    private int maxConcurrentVirtualCopies = UNLIMITED;
    private long totalCapacityBytes = Long.MAX_VALUE;
    private long freeCapacityBytes = Long.MAX_VALUE;
    private long copyBandwidthBytesPerSecond = UNLIMITED;
    private int maxNameLength = 255;

    private Builder() {}

    /**
     * Sets the per-source virtual copy limit.
     *
     * @param value the limit, or {@link #UNLIMITED}
     * @return this builder
     */
    public Builder maxVirtualCopiesPerSource(int value) {
      this.maxVirtualCopiesPerSource = value;
      return this;
    }

    /**
     * Sets the array-wide virtual copy limit.
     *
     * @param value the limit, or {@link #UNLIMITED}
     * @return this builder
     */
    public Builder maxVirtualCopiesTotal(int value) {
      this.maxVirtualCopiesTotal = value;
      return this;
    }

    /**
     * Sets the replication depth (1, the default: no virtual copy of a virtual copy).
     *
     * @param value the depth, or {@link #UNLIMITED}
     * @return this builder
     */
    public Builder maxLocalReplicationDepth(int value) {
      this.maxLocalReplicationDepth = value;
      return this;
    }

    /**
     * Sets how many physical copies may run at once.
     *
     * @param value the limit, or {@link #UNLIMITED}
     * @return this builder
     */
    public Builder maxConcurrentPhysicalCopies(int value) {
      this.maxConcurrentPhysicalCopies = value;
      return this;
    }

    /**
     * Sets how many virtual copy creations may run at once.
     *
     * @param value the limit, or {@link #UNLIMITED}
     * @return this builder
     */
    public Builder maxConcurrentVirtualCopies(int value) {
      this.maxConcurrentVirtualCopies = value;
      return this;
    }

    /**
     * Sets the total capacity; the free capacity is lowered to it if it was larger.
     *
     * @param value bytes
     * @return this builder
     */
    public Builder totalCapacityBytes(long value) {
      this.totalCapacityBytes = value;
      this.freeCapacityBytes = Math.min(freeCapacityBytes, value);
      return this;
    }

    /**
     * Sets the free capacity.
     *
     * @param value bytes
     * @return this builder
     */
    public Builder freeCapacityBytes(long value) {
      this.freeCapacityBytes = value;
      return this;
    }

    /**
     * Sets the aggregate copy bandwidth.
     *
     * @param value bytes per second, or {@link #UNLIMITED} if unknown
     * @return this builder
     */
    public Builder copyBandwidthBytesPerSecond(long value) {
      this.copyBandwidthBytesPerSecond = value;
      return this;
    }

    /**
     * Sets the longest accepted container name.
     *
     * @param value characters
     * @return this builder
     */
    public Builder maxNameLength(int value) {
      this.maxNameLength = value;
      return this;
    }

    /**
     * Builds the capabilities.
     *
     * @return the capabilities
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public ArrayCapabilities build() {
      return new ArrayCapabilities(
          maxVirtualCopiesPerSource,
          maxVirtualCopiesTotal,
          maxLocalReplicationDepth,
          maxConcurrentPhysicalCopies,
          maxConcurrentVirtualCopies,
          totalCapacityBytes,
          freeCapacityBytes,
          copyBandwidthBytesPerSecond,
          maxNameLength);
    }
  }
}
