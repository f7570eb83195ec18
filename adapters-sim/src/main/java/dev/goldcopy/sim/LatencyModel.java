package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long the simulated array takes, in virtual time.
 *
 * <p>A physical copy moves its source's bytes. Three limits set its rate, each shared equally by
 * the copies it applies to; a copy moves at the tightest of them:
 *
 * <ul>
 *   <li>{@code perStreamBytesPerSecond}: the fastest one copy moves, alone on the array;
 *   <li>{@code aggregateBytesPerSecond}: the copy bandwidth of one controller, shared by the copies
 *       in progress on the stores it owns (a profile has one controller unless it says otherwise,
 *       see {@link VendorProfile#controllers()}). Dual-controller arrays run a volume copy on the
 *       controller that owns the source volume, and the target must be owned by the same one (Sun
 *       StorageTek Common Array Manager, "About Volume Copies"; HP StorageWorks 2300 Modular Smart
 *       Array reference guide, volume copy guidelines);
 *   <li>{@code perSourceReadBytesPerSecond}: how fast one source can be read, shared by the copies
 *       that read it: they all read the same volume, on the same drives. Off ({@value
 *       #UNLIMITED}) by default. When it is on, copying every replica from one origin is limited
 *       by that origin, and a fan-out tree, which reads from many sources, is not.
 * </ul>
 *
 * <p>So with {@code n(k)} copies on the controller and {@code n(s)} reading the source, a copy
 * moves at {@code min(perStream, aggregate / n(k), perSourceRead / n(s))}, and its finishing time
 * changes whenever a copy starts or ends. What a copy held back by its source leaves of the
 * controller's share is not handed to the others (a simplification). A virtual copy takes {@code
 * cloneLatency}, a delete {@code deleteLatency}. Calls the array answers without work
 * (capabilities, inventory, refusals, an existing container asked for again) take {@code
 * responseLatency}; zero, the default, answers them with an already completed stage.
 *
 * <p>Vendors do not publish these figures; the defaults are the simulation's own: 512 MiB/s per
 * stream, 2 GiB/s per controller, no per-source read limit, 2 s per clone, 1 s per delete. Equal
 * sharing and a per-source read limit are assumptions of the simulation, not vendors' statements. A
 * clone's creation time does not grow with the clones its source already has: none of the vendors
 * whose limits the profiles carry documents such a cost, so the model leaves it out.
 *
 * @param perStreamBytesPerSecond the fastest one copy moves bytes; positive
 * @param aggregateBytesPerSecond the rate all copies on one controller share; positive
 * @param cloneLatency how long a virtual copy takes; not negative
 * @param deleteLatency how long a delete takes; not negative
 * @param responseLatency how long an answer without work takes; not negative
 * @param perSourceReadBytesPerSecond the rate all copies reading one source share; {@value
 *     #UNLIMITED} for no such limit
 */
public record LatencyModel(
    long perStreamBytesPerSecond,
    long aggregateBytesPerSecond,
    Duration cloneLatency,
    Duration deleteLatency,
    Duration responseLatency,
    long perSourceReadBytesPerSecond) {

  /** A per-source read bandwidth of 0: no such limit. */
  public static final long UNLIMITED = 0;

  private static final long MIB = 1L << 20;

  /** The simulation's defaults (see the class description). */
  public static final LatencyModel DEFAULT =
      new LatencyModel(
          512 * MIB,
          2048 * MIB,
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ZERO,
          UNLIMITED);

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException naming the field if a rate is not positive (the per-source read
   *     rate: negative) or a duration is negative
   */
  public LatencyModel {
    if (perStreamBytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "perStreamBytesPerSecond must be positive: " + perStreamBytesPerSecond);
    }
    if (aggregateBytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "aggregateBytesPerSecond must be positive: " + aggregateBytesPerSecond);
    }
    nonNegative("cloneLatency", cloneLatency);
    nonNegative("deleteLatency", deleteLatency);
    nonNegative("responseLatency", responseLatency);
    if (perSourceReadBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "perSourceReadBytesPerSecond must not be negative: " + perSourceReadBytesPerSecond);
    }
  }

  /**
   * Creates a model without a per-source read limit.
   *
   * @param perStreamBytesPerSecond the fastest one copy moves bytes; positive
   * @param aggregateBytesPerSecond the rate all copies on one controller share; positive
   * @param cloneLatency how long a virtual copy takes; not negative
   * @param deleteLatency how long a delete takes; not negative
   * @param responseLatency how long an answer without work takes; not negative
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException naming the field if a rate is not positive or a duration is
   *     negative
   */
  public LatencyModel(
      long perStreamBytesPerSecond,
      long aggregateBytesPerSecond,
      Duration cloneLatency,
      Duration deleteLatency,
      Duration responseLatency) {
    this(
        perStreamBytesPerSecond,
        aggregateBytesPerSecond,
        cloneLatency,
        deleteLatency,
        responseLatency,
        UNLIMITED);
  }

  private static void nonNegative(String field, Duration value) {
    requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Returns the rate each of {@code copies} concurrent physical copies on one controller moves
   * bytes at, before the per-source read limit.
   *
   * @param copies how many copies are in progress on the controller; positive
   * @return bytes per second
   */
  double rateEach(int copies) {
    return Math.min((double) perStreamBytesPerSecond, (double) aggregateBytesPerSecond / copies);
  }

  /**
   * Returns how many copies one source feeds at once, each as fast as a copy alone, as the
   * simulator reports it in {@code ArrayCapabilities.fullRateCopiesPerSource}: the per-source read
   * rate over the fastest a copy alone moves ({@code min(perStream, aggregate)}), rounded down and
   * at least 1; {@value #UNLIMITED} without a per-source read limit.
   *
   * @return the copies, or {@value #UNLIMITED}
   */
  public int fullRateCopiesPerSource() {
    if (perSourceReadBytesPerSecond == UNLIMITED) {
      return 0;
    }
    long alone = Math.min(perStreamBytesPerSecond, aggregateBytesPerSecond);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, perSourceReadBytesPerSecond / alone));
  }

  /**
   * Returns a builder that starts from {@link #DEFAULT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /**
   * Returns a builder that starts from this model.
   *
   * @return a new builder holding these values
   */
  public Builder toBuilder() {
    return new Builder()
        .perStreamBytesPerSecond(perStreamBytesPerSecond)
        .aggregateBytesPerSecond(aggregateBytesPerSecond)
        .cloneLatency(cloneLatency)
        .deleteLatency(deleteLatency)
        .responseLatency(responseLatency)
        .perSourceReadBytesPerSecond(perSourceReadBytesPerSecond);
  }

  /** Builds a {@link LatencyModel}; every setter returns this builder. */
  public static final class Builder {
    private long perStreamBytesPerSecond;
    private long aggregateBytesPerSecond;
    private Duration cloneLatency = Duration.ZERO;
    private Duration deleteLatency = Duration.ZERO;
    private Duration responseLatency = Duration.ZERO;
    private long perSourceReadBytesPerSecond = UNLIMITED;

    private Builder() {}

    /**
     * Sets the fastest one physical copy moves bytes.
     *
     * @param value bytes per second
     * @return this builder
     */
    public Builder perStreamBytesPerSecond(long value) {
      this.perStreamBytesPerSecond = value;
      return this;
    }

    /**
     * Sets the rate all physical copies on one controller share.
     *
     * @param value bytes per second
     * @return this builder
     */
    public Builder aggregateBytesPerSecond(long value) {
      this.aggregateBytesPerSecond = value;
      return this;
    }

    /**
     * Sets how long a virtual copy takes.
     *
     * @param value the latency
     * @return this builder
     */
    public Builder cloneLatency(Duration value) {
      this.cloneLatency = value;
      return this;
    }

    /**
     * Sets how long a delete takes.
     *
     * @param value the latency
     * @return this builder
     */
    public Builder deleteLatency(Duration value) {
      this.deleteLatency = value;
      return this;
    }

    /**
     * Sets how long an answer without work takes.
     *
     * @param value the latency
     * @return this builder
     */
    public Builder responseLatency(Duration value) {
      this.responseLatency = value;
      return this;
    }

    /**
     * Sets the rate all physical copies reading one source share.
     *
     * @param value bytes per second, or {@link LatencyModel#UNLIMITED} for no such limit
     * @return this builder
     */
    public Builder perSourceReadBytesPerSecond(long value) {
      this.perSourceReadBytesPerSecond = value;
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws NullPointerException if a duration is null
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public LatencyModel build() {
      return new LatencyModel(
          perStreamBytesPerSecond,
          aggregateBytesPerSecond,
          cloneLatency,
          deleteLatency,
          responseLatency,
          perSourceReadBytesPerSecond);
    }
  }
}
