package dev.goldcopy.sim;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContainerId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link SimulatedArray} observed up to one moment: a snapshot, taken by {@link
 * SimulatedArray#records()}.
 *
 * @param calls every answered call in the order answered; empty if call recording is off
 * @param peakVirtualCopiesBySource for every source that ever had a virtual copy, the most it had
 *     at one instant (copies being created count)
 * @param peakVirtualCopiesTotal the most virtual copies the array held at one instant
 * @param peakConcurrentPhysicalCopies the most physical copies in progress at one instant
 * @param peakConcurrentVirtualCopies the most virtual copy creations in progress at one instant
 * @param limitViolations every moment a declared limit was exceeded; empty unless the simulator
 *     has a bug
 * @param faultsInjected how many faults of each kind took effect; every kind is present
 */
public record SimulationRecords(
    List<CallRecord> calls,
    Map<ContainerId, Integer> peakVirtualCopiesBySource,
    int peakVirtualCopiesTotal,
    int peakConcurrentPhysicalCopies,
    int peakConcurrentVirtualCopies,
    List<LimitViolation> limitViolations,
    Map<FaultKind, Long> faultsInjected) {

  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if a peak is negative
   */
  public SimulationRecords {
    calls = List.copyOf(requireNonNull(calls, "calls"));
    peakVirtualCopiesBySource =
        Map.copyOf(requireNonNull(peakVirtualCopiesBySource, "peakVirtualCopiesBySource"));
    limitViolations = List.copyOf(requireNonNull(limitViolations, "limitViolations"));
    EnumMap<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
    for (FaultKind kind : FaultKind.values()) {
      faults.put(kind, 0L);
    }
    faults.putAll(requireNonNull(faultsInjected, "faultsInjected"));
    faultsInjected = Map.copyOf(faults);
    if (peakVirtualCopiesTotal < 0) {
      throw new IllegalArgumentException("peakVirtualCopiesTotal must not be negative");
    }
    if (peakConcurrentPhysicalCopies < 0) {
      throw new IllegalArgumentException("peakConcurrentPhysicalCopies must not be negative");
    }
    if (peakConcurrentVirtualCopies < 0) {
      throw new IllegalArgumentException("peakConcurrentVirtualCopies must not be negative");
    }
  }

  /**
   * Returns the most virtual copies {@code source} had at one instant.
   *
   * @param source a container
   * @return the peak, 0 if it never had a virtual copy
   */
  public int peakVirtualCopies(ContainerId source) {
    requireNonNull(source, "source");
    return peakVirtualCopiesBySource.getOrDefault(source, 0);
  }

  /**
   * Returns how many faults of {@code kind} took effect.
   *
   * @param kind the kind
   * @return the count
   */
  public long faultCount(FaultKind kind) {
    requireNonNull(kind, "kind");
    return faultsInjected.getOrDefault(kind, 0L);
  }
}
