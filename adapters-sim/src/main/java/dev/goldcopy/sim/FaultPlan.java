package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Which faults a {@link SimulatedArray} injects and how often. Each rate is the probability, drawn
 * from the simulation's seeded random source, that one call meets the fault:
 *
 * <ul>
 *   <li>{@code transientBusyRate}: a create or delete is refused busy before anything happens;
 *   <li>{@code lostResponseRate}: a create or delete that succeeded on the array answers {@link
 *       dev.goldcopy.spi.TransientArrayException} instead;
 *   <li>{@code incompleteCopyRate}: a new physical copy stops part way and is left {@link
 *       dev.goldcopy.spi.ContainerState#FAILED};
 *   <li>{@code latencySpikeRate}: the answer to a create or delete arrives {@code latencySpike}
 *       late;
 *   <li>{@code readFaultRate}: a {@code capabilities} or {@code inventory} call fails with {@link
 *       dev.goldcopy.spi.TransientArrayException} (a timeout, a dropped connection).
 * </ul>
 *
 * <p>Faults of the world around the array are not rates but events a test stages: {@link
 * SimulatedArray#restart()}, {@link SimulatedArray#deleteOutOfBand} and {@link
 * SimulatedArray#takeCapacity}.
 *
 * @param transientBusyRate probability in [0, 1]
 * @param lostResponseRate probability in [0, 1]
 * @param incompleteCopyRate probability in [0, 1]
 * @param latencySpikeRate probability in [0, 1]
 * @param latencySpike how late a spiked answer arrives; not negative
 * @param readFaultRate probability in [0, 1]
 */
public record FaultPlan(
    double transientBusyRate,
    double lostResponseRate,
    double incompleteCopyRate,
    double latencySpikeRate,
    Duration latencySpike,
    double readFaultRate) {

  private static final Duration DEFAULT_SPIKE = Duration.ofSeconds(30);
  private static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, DEFAULT_SPIKE, 0);

  /**
   * Checks the values.
   *
   * @throws NullPointerException if {@code latencySpike} is null
   * @throws IllegalArgumentException naming the field if a rate is outside [0, 1] or the spike is
   *     negative
   */
  public FaultPlan {
    rate("transientBusyRate", transientBusyRate);
    rate("lostResponseRate", lostResponseRate);
    rate("incompleteCopyRate", incompleteCopyRate);
    rate("latencySpikeRate", latencySpikeRate);
    rate("readFaultRate", readFaultRate);
    requireNonNull(latencySpike, "latencySpike");
    if (latencySpike.isNegative()) {
      throw new IllegalArgumentException("latencySpike must not be negative: " + latencySpike);
    }
  }

  /**
   * Makes a plan with no read faults.
   *
   * @param transientBusyRate probability in [0, 1]
   * @param lostResponseRate probability in [0, 1]
   * @param incompleteCopyRate probability in [0, 1]
   * @param latencySpikeRate probability in [0, 1]
   * @param latencySpike how late a spiked answer arrives; not negative
   * @throws NullPointerException if {@code latencySpike} is null
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public FaultPlan(
      double transientBusyRate,
      double lostResponseRate,
      double incompleteCopyRate,
      double latencySpikeRate,
      Duration latencySpike) {
    this(transientBusyRate, lostResponseRate, incompleteCopyRate, latencySpikeRate, latencySpike, 0);
  }

  /**
   * Returns the plan that injects every per-call fault at one rate: "{@code rate} of calls meet a
   * fault" in one setting (busy, lost answers, incomplete copies, latency spikes, failed reads).
   *
   * @param rate probability in [0, 1]
   * @return the plan, with the default 30-second spike
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
   */
  public static FaultPlan uniform(double rate) {
    return new FaultPlan(rate, rate, rate, rate, DEFAULT_SPIKE, rate);
  }

  private static void rate(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1]: " + value);
    }
  }

  /**
   * Returns the plan that injects nothing.
   *
   * @return a plan with every rate 0
   */
  public static FaultPlan none() {
    return NONE;
  }

  /**
   * Returns whether this plan injects nothing.
   *
   * @return true if every rate is 0
   */
  public boolean isNone() {
    return transientBusyRate == 0
        && lostResponseRate == 0
        && incompleteCopyRate == 0
        && latencySpikeRate == 0
        && readFaultRate == 0;
  }

  /**
   * Returns a builder that starts with no faults and a 30-second spike.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FaultPlan}; every setter returns this builder. */
  public static final class Builder {
    private double transientBusyRate;
    private double lostResponseRate;
    private double incompleteCopyRate;
    private double latencySpikeRate;
    private Duration latencySpike = DEFAULT_SPIKE;
    private double readFaultRate;

    private Builder() {}

    /**
     * Sets how often a {@code capabilities} or {@code inventory} call fails.
     *
     * @param rate probability in [0, 1]
     * @return this builder
     */
    public Builder readFaultRate(double rate) {
      this.readFaultRate = rate;
      return this;
    }

    /**
     * Sets how often a create or delete is refused busy.
     *
     * @param rate probability in [0, 1]
     * @return this builder
     */
    public Builder transientBusyRate(double rate) {
      this.transientBusyRate = rate;
      return this;
    }

    /**
     * Sets how often the answer to a successful create or delete is lost.
     *
     * @param rate probability in [0, 1]
     * @return this builder
     */
    public Builder lostResponseRate(double rate) {
      this.lostResponseRate = rate;
      return this;
    }

    /**
     * Sets how often a new physical copy is left incomplete.
     *
     * @param rate probability in [0, 1]
     * @return this builder
     */
    public Builder incompleteCopyRate(double rate) {
      this.incompleteCopyRate = rate;
      return this;
    }

    /**
     * Sets how often an answer arrives late.
     *
     * @param rate probability in [0, 1]
     * @return this builder
     */
    public Builder latencySpikeRate(double rate) {
      this.latencySpikeRate = rate;
      return this;
    }

    /**
     * Sets how late a spiked answer arrives.
     *
     * @param spike the extra delay
     * @return this builder
     */
    public Builder latencySpike(Duration spike) {
      this.latencySpike = spike;
      return this;
    }

    /**
     * Builds the plan.
     *
     * @return the plan
     * @throws NullPointerException if the spike is null
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public FaultPlan build() {
      return new FaultPlan(
          transientBusyRate,
          lostResponseRate,
          incompleteCopyRate,
          latencySpikeRate,
          latencySpike,
          readFaultRate);
    }
  }
}
