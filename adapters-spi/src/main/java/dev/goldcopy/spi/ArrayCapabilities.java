package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

/**
 * What a store's copy engine can do, and how much of the array's shared room is left, as the array
 * declares it. The names follow SNIA SMI-S Replication Services, where a maximum of {@value
 * #UNLIMITED} means "no limit" (as in {@code GetSupportedMaximum}).
 *
 * <p>Array-wide totals are shared by every store and tenant on the array: beside each maximum the
 * adapter reports what is used now, by everyone, so that a plan for one store accounts for what
 * others hold ({@link #remainingVirtualCopies()}, {@link #remainingContainers()}, {@code
 * freeCapacityBytes}).
 *
 * <p>A snapshot: usage changes as containers come and go, so callers ask again before each plan.
 *
 * @param maxVirtualCopiesPerSource the most virtual copies one source may have at once (SMI-S {@code MaximumReplicasPerSource} for the snapshot or clone type); {@value #UNLIMITED} for no limit
 * @param maxVirtualCopiesTotal the most virtual copies the whole array holds, for every store and tenant together; {@value #UNLIMITED} for no limit
 * @param maxContainersTotal the most containers of every kind (masters, virtual copies, and anything else the array counts as a volume) the whole array holds; {@value #UNLIMITED} for no limit
 * @param maxLocalReplicationDepth how deep virtual copies may chain (SMI-S {@code MaximumLocalReplicationDepth}): 1 means a virtual copy may not be the source of another; {@value #UNLIMITED} for no limit (Goldcopy's convention: CIM gives 0 no meaning here)
 * @param maxConcurrentPhysicalCopies the most physical copies in progress at once before the array answers busy; {@value #UNLIMITED} for no limit
 * @param maxConcurrentVirtualCopies the most virtual copy creations in progress at once before the array answers busy; {@value #UNLIMITED} for no limit
 * @param virtualCopiesSupported whether the array can make virtual copies at all; false means every virtual copy is refused, which is not the same as a limit of {@value #UNLIMITED}
 * @param usedVirtualCopiesTotal the virtual copies the whole array holds now, for every store and tenant, counted against {@code maxVirtualCopiesTotal}
 * @param usedContainersTotal the containers of every kind the whole array holds now, counted against {@code maxContainersTotal}
 * @param totalCapacityBytes the usable capacity of the pool the store lives in
 * @param freeCapacityBytes the capacity not yet used by anyone (this store, other stores and tenants of the pool); at most {@code totalCapacityBytes}
 * @param copyBandwidthBytesPerSecond the aggregate rate physical copies move bytes at, shared by concurrent copies; {@value #UNLIMITED} if the array does not say
 * @param fullRateCopiesPerSource how many physical copies one source feeds at once, each as fast as a copy alone: the source's read bandwidth divided by one copy's rate, rounded down, and at least 1. Copies beyond it that read the same source share its read bandwidth, so each moves slower; Goldcopy starts no more copies of one source than this, and copies from more sources instead (a fan-out tree). Not a limit the array enforces. {@value #UNLIMITED} if the array does not say, the default: Goldcopy then lets any number of copies read one source, and still prefers the sources fewest copies read (see {@link #copiesOneSourceFeeds()})
 * @param nameRules the rules container names must follow
 * @param copyCosts what a new physical and a new virtual copy cost in capacity
 */
public record ArrayCapabilities(
    int maxVirtualCopiesPerSource,
    int maxVirtualCopiesTotal,
    int maxContainersTotal,
    int maxLocalReplicationDepth,
    int maxConcurrentPhysicalCopies,
    int maxConcurrentVirtualCopies,
    boolean virtualCopiesSupported,
    int usedVirtualCopiesTotal,
    int usedContainersTotal,
    long totalCapacityBytes,
    long freeCapacityBytes,
    long copyBandwidthBytesPerSecond,
    int fullRateCopiesPerSource,
    NameRules nameRules,
    CopyCosts copyCosts) {

  /** The value of a maximum that means "no limit", as in SMI-S. */
  public static final int UNLIMITED = 0;

  /**
   * Checks the values.
   *
   * @throws NullPointerException if the name rules or copy costs are null
   * @throws IllegalArgumentException naming the field if a value is negative or the free capacity
   *     exceeds the total
   */
  public ArrayCapabilities {
    nonNegative("maxVirtualCopiesPerSource", maxVirtualCopiesPerSource);
    nonNegative("maxVirtualCopiesTotal", maxVirtualCopiesTotal);
    nonNegative("maxContainersTotal", maxContainersTotal);
    nonNegative("maxLocalReplicationDepth", maxLocalReplicationDepth);
    nonNegative("maxConcurrentPhysicalCopies", maxConcurrentPhysicalCopies);
    nonNegative("maxConcurrentVirtualCopies", maxConcurrentVirtualCopies);
    nonNegative("usedVirtualCopiesTotal", usedVirtualCopiesTotal);
    nonNegative("usedContainersTotal", usedContainersTotal);
    nonNegative("totalCapacityBytes", totalCapacityBytes);
    nonNegative("freeCapacityBytes", freeCapacityBytes);
    nonNegative("copyBandwidthBytesPerSecond", copyBandwidthBytesPerSecond);
    nonNegative("fullRateCopiesPerSource", fullRateCopiesPerSource);
    requireNonNull(nameRules, "nameRules");
    requireNonNull(copyCosts, "copyCosts");
    if (freeCapacityBytes > totalCapacityBytes) {
      throw new IllegalArgumentException(
          "freeCapacityBytes (" + freeCapacityBytes + ") must not exceed totalCapacityBytes ("
              + totalCapacityBytes + ")");
    }
  }

  /**
   * Creates capabilities that do not say how many copies one source feeds at full rate ({@code
   * fullRateCopiesPerSource} is {@value #UNLIMITED}): the constructor of the fields this record had
   * before that figure.
   *
   * @param maxVirtualCopiesPerSource see the record's description
   * @param maxVirtualCopiesTotal see the record's description
   * @param maxContainersTotal see the record's description
   * @param maxLocalReplicationDepth see the record's description
   * @param maxConcurrentPhysicalCopies see the record's description
   * @param maxConcurrentVirtualCopies see the record's description
   * @param virtualCopiesSupported see the record's description
   * @param usedVirtualCopiesTotal see the record's description
   * @param usedContainersTotal see the record's description
   * @param totalCapacityBytes see the record's description
   * @param freeCapacityBytes see the record's description
   * @param copyBandwidthBytesPerSecond see the record's description
   * @param nameRules see the record's description
   * @param copyCosts see the record's description
   * @throws NullPointerException if the name rules or copy costs are null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ArrayCapabilities(
      int maxVirtualCopiesPerSource,
      int maxVirtualCopiesTotal,
      int maxContainersTotal,
      int maxLocalReplicationDepth,
      int maxConcurrentPhysicalCopies,
      int maxConcurrentVirtualCopies,
      boolean virtualCopiesSupported,
      int usedVirtualCopiesTotal,
      int usedContainersTotal,
      long totalCapacityBytes,
      long freeCapacityBytes,
      long copyBandwidthBytesPerSecond,
      NameRules nameRules,
      CopyCosts copyCosts) {
    this(
        maxVirtualCopiesPerSource,
        maxVirtualCopiesTotal,
        maxContainersTotal,
        maxLocalReplicationDepth,
        maxConcurrentPhysicalCopies,
        maxConcurrentVirtualCopies,
        virtualCopiesSupported,
        usedVirtualCopiesTotal,
        usedContainersTotal,
        totalCapacityBytes,
        freeCapacityBytes,
        copyBandwidthBytesPerSecond,
        UNLIMITED,
        nameRules,
        copyCosts);
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
   * Returns how many physical copies Goldcopy lets read one source at once: {@link
   * #fullRateCopiesPerSource()}, or {@link Integer#MAX_VALUE} when the array does not say.
   *
   * @return at least 1
   */
  public int copiesOneSourceFeeds() {
    return isLimited(fullRateCopiesPerSource) ? fullRateCopiesPerSource : Integer.MAX_VALUE;
  }

  /**
   * Returns whether a virtual copy may be the source of another virtual copy.
   *
   * @return true if the replication depth allows clones of clones
   */
  public boolean allowsVirtualCopyOfVirtualCopy() {
    return virtualCopiesSupported && maxLocalReplicationDepth != 1;
  }

  /**
   * Returns the longest container name the array accepts, in UTF-8 bytes.
   *
   * @return {@code nameRules().maxLengthBytes()}
   */
  public int maxNameLength() {
    return nameRules.maxLengthBytes();
  }

  /**
   * Returns how many more virtual copies the whole array can hold: none if it cannot make them,
   * {@link Integer#MAX_VALUE} if there is no total.
   *
   * @return the virtual copies left under {@code maxVirtualCopiesTotal}, never negative
   */
  public int remainingVirtualCopies() {
    if (!virtualCopiesSupported) {
      return 0;
    }
    return remaining(maxVirtualCopiesTotal, usedVirtualCopiesTotal);
  }

  /**
   * Returns how many more containers of any kind the whole array can hold; {@link
   * Integer#MAX_VALUE} if there is no total.
   *
   * @return the containers left under {@code maxContainersTotal}, never negative
   */
  public int remainingContainers() {
    return remaining(maxContainersTotal, usedContainersTotal);
  }

  private static int remaining(int maximum, int used) {
    return isLimited(maximum) ? Math.max(0, maximum - used) : Integer.MAX_VALUE;
  }

  /**
   * Returns a copy of these capabilities with another free capacity.
   *
   * @param freeBytes the free capacity
   * @return the copy
   * @throws IllegalArgumentException if {@code freeBytes} is negative or exceeds the total
   */
  public ArrayCapabilities withFreeCapacityBytes(long freeBytes) {
    return toBuilder().freeCapacityBytes(freeBytes).build();
  }

  /**
   * Returns a builder that starts with no copy or concurrency limits, a replication depth of 1 (no
   * virtual copy of a virtual copy), nothing used, unbounded capacity, thick copies and permissive
   * 255-byte, case-sensitive names.
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
        .maxContainersTotal(maxContainersTotal)
        .maxLocalReplicationDepth(maxLocalReplicationDepth)
        .maxConcurrentPhysicalCopies(maxConcurrentPhysicalCopies)
        .maxConcurrentVirtualCopies(maxConcurrentVirtualCopies)
        .virtualCopiesSupported(virtualCopiesSupported)
        .usedVirtualCopiesTotal(usedVirtualCopiesTotal)
        .usedContainersTotal(usedContainersTotal)
        .totalCapacityBytes(totalCapacityBytes)
        .freeCapacityBytes(freeCapacityBytes)
        .copyBandwidthBytesPerSecond(copyBandwidthBytesPerSecond)
        .fullRateCopiesPerSource(fullRateCopiesPerSource)
        .nameRules(nameRules)
        .copyCosts(copyCosts);
  }

  /** Builds {@link ArrayCapabilities}; every setter returns this builder. */
  public static final class Builder {
    private int maxVirtualCopiesPerSource = UNLIMITED;
    private int maxVirtualCopiesTotal = UNLIMITED;
    private int maxContainersTotal = UNLIMITED;
    private int maxLocalReplicationDepth = 1;
    private int maxConcurrentPhysicalCopies = UNLIMITED;
    private int maxConcurrentVirtualCopies = UNLIMITED;
    private boolean virtualCopiesSupported = true;
    private int usedVirtualCopiesTotal = 0;
    private int usedContainersTotal = 0;
    private long totalCapacityBytes = Long.MAX_VALUE;
    private long freeCapacityBytes = Long.MAX_VALUE;
    private long copyBandwidthBytesPerSecond = UNLIMITED;
    private int fullRateCopiesPerSource = UNLIMITED;
    private NameRules nameRules = NameRules.permissive(255);
    private CopyCosts copyCosts = CopyCosts.thick(0);

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
     * Sets the array-wide limit on containers of every kind.
     *
     * @param value the limit, or {@link #UNLIMITED}
     * @return this builder
     */
    public Builder maxContainersTotal(int value) {
      this.maxContainersTotal = value;
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
     * Sets whether the array can make virtual copies at all (true by default).
     *
     * @param value false if it cannot
     * @return this builder
     */
    public Builder virtualCopiesSupported(boolean value) {
      this.virtualCopiesSupported = value;
      return this;
    }

    /**
     * Sets how many virtual copies the whole array holds now.
     *
     * @param value the count
     * @return this builder
     */
    public Builder usedVirtualCopiesTotal(int value) {
      this.usedVirtualCopiesTotal = value;
      return this;
    }

    /**
     * Sets how many containers of every kind the whole array holds now.
     *
     * @param value the count
     * @return this builder
     */
    public Builder usedContainersTotal(int value) {
      this.usedContainersTotal = value;
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
     * Sets how many physical copies one source feeds at once, each as fast as a copy alone (not
     * said by default). An adapter that knows a source's read bandwidth and one copy's rate passes
     * the first divided by the second, rounded down, and at least 1.
     *
     * @param value the copies, or {@link #UNLIMITED} if the array does not say
     * @return this builder
     */
    public Builder fullRateCopiesPerSource(int value) {
      this.fullRateCopiesPerSource = value;
      return this;
    }

    /**
     * Sets the name rules (permissive, 255 bytes by default).
     *
     * @param value the rules
     * @return this builder
     */
    public Builder nameRules(NameRules value) {
      this.nameRules = requireNonNull(value, "nameRules");
      return this;
    }

    /**
     * Sets what new copies cost (thick, and nothing for a virtual copy, by default).
     *
     * @param value the costs
     * @return this builder
     */
    public Builder copyCosts(CopyCosts value) {
      this.copyCosts = requireNonNull(value, "copyCosts");
      return this;
    }

    /**
     * Sets the longest name, keeping the allowed characters (a shortcut for {@link
     * #nameRules(NameRules)}).
     *
     * @param value the longest name, in UTF-8 bytes
     * @return this builder
     * @throws IllegalArgumentException if the value is not positive
     */
    public Builder maxNameLength(int value) {
      this.nameRules = new NameRules(value, nameRules.allowed(), nameRules.caseSensitive());
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
          maxContainersTotal,
          maxLocalReplicationDepth,
          maxConcurrentPhysicalCopies,
          maxConcurrentVirtualCopies,
          virtualCopiesSupported,
          usedVirtualCopiesTotal,
          usedContainersTotal,
          totalCapacityBytes,
          freeCapacityBytes,
          copyBandwidthBytesPerSecond,
          fullRateCopiesPerSource,
          nameRules,
          copyCosts);
    }
  }
}
