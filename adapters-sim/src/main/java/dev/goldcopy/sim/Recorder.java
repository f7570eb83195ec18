package dev.goldcopy.sim;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the simulation's records: the call log, peaks, faults, and a check of every declared limit
 * at every change. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class Recorder {
  private final VendorProfile profile;
  private final EventLoop loop;
  private final boolean recordCalls;
  private final List<CallRecord> calls = new ArrayList<>();
  private final Map<ContainerId, Integer> peakBySource = new HashMap<>();
  private final List<LimitViolation> violations = new ArrayList<>();
  private final EnumMap<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
  private int peakTotal;
  private int peakPhysical;
  private int peakVirtual;

  Recorder(VendorProfile profile, EventLoop loop, boolean recordCalls) {
    this.profile = profile;
    this.loop = loop;
    this.recordCalls = recordCalls;
  }

  void call(PendingCall<?> call, CallOutcome outcome) {
    if (recordCalls) {
      calls.add(
          new CallRecord(
              Duration.ofNanos(call.calledAt),
              Duration.ofNanos(loop.now()),
              call.operation,
              call.store,
              call.subject,
              call.name,
              outcome,
              call.result));
    }
  }

  void fault(FaultKind kind) {
    faults.merge(kind, 1L, Long::sum);
  }

  /** A virtual copy of {@code source} was admitted; the counts include it. */
  void virtualCopyAdded(SimContainer source, int total) {
    int count = source.virtualCopies;
    check("maxVirtualCopiesPerSource", source.id().value(), profile.capabilities().maxVirtualCopiesPerSource(), count);
    peakTotal = Math.max(peakTotal, total);
    check("maxVirtualCopiesTotal", "array", profile.capabilities().maxVirtualCopiesTotal(), total);
    check(
        "maxLocalReplicationDepth",
        source.id().value(),
        profile.capabilities().maxLocalReplicationDepth(),
        source.depth() + 1L);
  }

  void physicalCopiesInProgress(int count) {
    peakPhysical = Math.max(peakPhysical, count);
    check("maxConcurrentPhysicalCopies", "array", profile.capabilities().maxConcurrentPhysicalCopies(), count);
  }

  void virtualCopiesInProgress(int count) {
    peakVirtual = Math.max(peakVirtual, count);
    check("maxConcurrentVirtualCopies", "array", profile.capabilities().maxConcurrentVirtualCopies(), count);
  }

  void capacityUsed(SimStore store) {
    if (store.usedBytes > store.capacityBytes) {
      violations.add(
          new LimitViolation(
              Duration.ofNanos(loop.now()),
              "totalCapacityBytes",
              store.ref.toString(),
              store.capacityBytes,
              store.usedBytes));
    }
  }

  private void check(String limit, String subject, long allowed, long observed) {
    if (ArrayCapabilities.isLimited(allowed) && observed > allowed) {
      violations.add(
          new LimitViolation(Duration.ofNanos(loop.now()), limit, subject, allowed, observed));
    }
  }

  /**
   * Notes the virtual copies {@code source} has, just before one of them goes: a count only falls
   * on a deletion, so the peaks of the counts are those noted here and those of the containers
   * still on the array, which {@link #snapshot} reads (no map is touched as a copy is made).
   */
  void virtualCopyGoing(SimContainer source) {
    peakBySource.merge(source.id(), source.virtualCopies, Math::max);
  }

  /** The records so far; {@code live} are the containers on the array now. */
  SimulationRecords snapshot(Collection<SimContainer> live) {
    Map<ContainerId, Integer> peaks = new HashMap<>(peakBySource);
    for (SimContainer c : live) {
      if (c.virtualCopies > 0) {
        peaks.merge(c.id(), c.virtualCopies, Math::max);
      }
    }
    return new SimulationRecords(
        calls, peaks, peakTotal, peakPhysical, peakVirtual, violations, faults);
  }
}
