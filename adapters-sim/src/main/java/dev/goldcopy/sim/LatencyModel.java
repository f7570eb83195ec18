package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long the simulated array takes, in virtual time.
 *
 * <p>A physical copy moves its source's bytes at up to {@code perStreamBytesPerSecond}; all
 * physical copies in progress share {@code aggregateBytesPerSecond} equally (processor sharing), so
 * with {@code n} copies running each moves at {@code min(perStream, aggregate / n)}, and each copy's
 * finishing time is recomputed whenever a copy starts or ends. A virtual copy takes {@code
 * cloneLatency}, a delete {@code deleteLatency}. Calls the array answers without work (capabilities,
 * inventory, refusals, an existing container asked for again) take {@code responseLatency}; zero,
 * the default, answers them with an already completed stage.
 *
 * <p>Vendors do not publish these figures; the defaults are the simulation's own: 512 MiB/s per
 * stream, 2 GiB/s in all, 2 s per clone, 1 s per delete.
 *
 * @param perStreamBytesPerSecond the fastest one copy moves bytes; positive
 * @param aggregateBytesPerSecond the rate all copies share; positive
 * @param cloneLatency how long a virtual copy takes; not negative
 * @param deleteLatency how long a delete takes; not negative
 * @param responseLatency how long an answer without work takes; not negative
 */
public record LatencyModel(
    long perStreamBytesPerSecond,
    long aggregateBytesPerSecond,
    Duration cloneLatency,
    Duration deleteLatency,
    Duration responseLatency) {

  private static final long MIB = 1L << 20;

  /** The simulation's defaults (see the class description). */
  public static final LatencyModel DEFAULT =
      new LatencyModel(
          512 * MIB, 2048 * MIB, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO);

  /**
   * Checks the values.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException naming the field if a rate is not positive or a duration is
   *     negative
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
  }

  private static void nonNegative(String field, Duration value) {
    requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Returns the rate each of {@code copies} concurrent physical copies moves bytes at.
   *
   * @param copies how many copies are in progress; positive
   * @return bytes per second
   */
  double rateEach(int copies) {
    return Math.min((double) perStreamBytesPerSecond, (double) aggregateBytesPerSecond / copies);
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
        .responseLatency(responseLatency);
  }

  /** Builds a {@link LatencyModel}; every setter returns this builder. */
  public static final class Builder {
    private long perStreamBytesPerSecond;
    private long aggregateBytesPerSecond;
    private Duration cloneLatency = Duration.ZERO;
    private Duration deleteLatency = Duration.ZERO;
    private Duration responseLatency = Duration.ZERO;

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
     * Sets the rate all physical copies share.
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
          responseLatency);
    }
  }
}
