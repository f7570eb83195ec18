package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A moment at which the simulated array held more than one of its declared limits allows. The
 * simulator checks every limit at every change; a violation means a bug in the simulator, so
 * {@link SimulationRecords#limitViolations()} is empty in every correct run.
 *
 * @param at the virtual time, since the simulation started
 * @param limit which limit, named as in {@link dev.goldcopy.spi.ArrayCapabilities} (for example
 *     {@code maxVirtualCopiesPerSource})
 * @param subject what the limit applies to: a source container, a store, or {@code array}
 * @param allowed the limit's value
 * @param observed the value the simulator held
 */
public record LimitViolation(
    Duration at, String limit, String subject, long allowed, long observed) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code observed} does not exceed {@code allowed}
   */
  public LimitViolation {
    requireNonNull(at, "at");
    requireNonNull(limit, "limit");
    requireNonNull(subject, "subject");
    if (observed <= allowed) {
      throw new IllegalArgumentException(
          "observed (" + observed + ") must exceed allowed (" + allowed + ")");
    }
  }
}
