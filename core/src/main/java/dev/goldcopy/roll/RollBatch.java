package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.VmId;
import java.time.Duration;
import java.util.List;

/**
 * One batch of a rolling update: the VMs it moves, what the store holds at its peak, and how long
 * it should take.
 *
 * @param index the batch's place, from 0
 * @param vms the VMs it moves to the target version, in order
 * @param movedBefore how many VMs the earlier batches moved
 * @param peak the most the two groups hold at any instant of the batch (the new version's
 *     replicas counted before the old version's retirements, as if every copy ran first)
 * @param fromMastersAfter the old version's masters once the batch is done
 * @param toMastersAfter the new version's masters once the batch is done
 * @param newReplicas the new version's replicas the batch copies
 * @param retiredReplicas the old version's replicas it retires, emptied by the batch
 * @param expected the time it should take under the {@link TimeModel}
 */
public record RollBatch(
    int index,
    List<VmId> vms,
    int movedBefore,
    Footprint peak,
    long fromMastersAfter,
    long toMastersAfter,
    long newReplicas,
    long retiredReplicas,
    Duration expected) {

  /**
   * Checks the fields and takes an immutable copy of the VMs.
   *
   * @throws NullPointerException if a field is null
   */
  public RollBatch {
    vms = List.copyOf(vms);
    requireNonNull(peak, "peak");
    requireNonNull(expected, "expected");
  }
}
