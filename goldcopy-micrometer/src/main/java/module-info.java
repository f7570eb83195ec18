/**
 * Goldcopy's Micrometer bridge: {@link dev.goldcopy.micrometer.MicrometerExecutionListener}
 * publishes an executor's progress, retries, outcomes and timings to a {@code MeterRegistry}.
 */
module dev.goldcopy.micrometer {
  requires transitive dev.goldcopy.core;
  requires transitive micrometer.core;
  requires static org.jspecify;

  exports dev.goldcopy.micrometer;
}
