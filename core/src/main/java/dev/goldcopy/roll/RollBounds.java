package dev.goldcopy.roll;

import com.google.errorprone.annotations.CanIgnoreReturnValue;

/**
 * How far a rolling update may go at any instant, beyond what the store held when it started.
 * The array's own limits (per-source, totals, free capacity) always hold as well.
 *
 * @param maxDown the most VMs without a running disk at once: a batch's size
 * @param maxExtraMasters the most physical masters above the count at the start, both image
 *     versions' groups together; {@value #NO_LIMIT} for no bound beyond the array's
 * @param maxExtraBytes the most replica bytes above those at the start; {@value #NO_LIMIT} for no
 *     bound beyond the free capacity
 * @param keepVersions how many versions of the image keep their masters for a rollback, the
 *     target included: 2 keeps the version rolled from; older versions' Goldcopy replicas are
 *     released once the roll is done (an origin is never deleted)
 */
public record RollBounds(int maxDown, int maxExtraMasters, long maxExtraBytes, int keepVersions) {

  /** A bound that is not set. */
  public static final int NO_LIMIT = -1;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public RollBounds {
    if (maxDown < 1) {
      throw new IllegalArgumentException("maxDown must be at least 1: " + maxDown);
    }
    if (maxExtraMasters < NO_LIMIT) {
      throw new IllegalArgumentException("maxExtraMasters must be -1 or more: " + maxExtraMasters);
    }
    if (maxExtraBytes < NO_LIMIT) {
      throw new IllegalArgumentException("maxExtraBytes must be -1 or more: " + maxExtraBytes);
    }
    if (keepVersions < 1) {
      throw new IllegalArgumentException("keepVersions must be at least 1: " + keepVersions);
    }
  }

  /**
   * Returns a builder: 1 VM down at a time, no extra master, bytes bound only by the free
   * capacity, the last 2 versions kept.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RollBounds}; every setter returns this builder. */
  public static final class Builder {
    private int maxDown = 1;
    private int maxExtraMasters;
    private long maxExtraBytes = NO_LIMIT;
    private int keepVersions = 2;

    private Builder() {}

    /**
     * Sets the most VMs down at once.
     *
     * @param value VMs, at least 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxDown(int value) {
      this.maxDown = value;
      return this;
    }

    /**
     * Sets the most masters above the start.
     *
     * @param value masters, or {@link #NO_LIMIT}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxExtraMasters(int value) {
      this.maxExtraMasters = value;
      return this;
    }

    /**
     * Sets the most replica bytes above the start.
     *
     * @param value bytes, or {@link #NO_LIMIT}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder maxExtraBytes(long value) {
      this.maxExtraBytes = value;
      return this;
    }

    /**
     * Sets how many versions keep their masters.
     *
     * @param value versions, at least 1
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder keepVersions(int value) {
      this.keepVersions = value;
      return this;
    }

    /**
     * Builds the bounds.
     *
     * @return the bounds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public RollBounds build() {
      return new RollBounds(maxDown, maxExtraMasters, maxExtraBytes, keepVersions);
    }
  }
}
