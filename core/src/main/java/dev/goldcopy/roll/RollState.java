package dev.goldcopy.roll;

import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.SizingRule;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The two groups' counts as the batches move VMs, and the feasibility of the next batch: the
 * store planner's sizing for the target group, its retirement of emptied replicas for the old
 * one, and every bound checked at the batch's peak.
 */
final class RollState {
  private final PlanningPolicy policy;
  private final ArrayCapabilities caps;
  private final RollBounds bounds;
  private final boolean fromHasOrigin;
  private final boolean toHasOrigin;
  final long toImage;
  final Footprint start;
  /** Clones left on each retirable master of the old version. */
  private final Map<ContainerId, Integer> retirableCounts;
  private final long fromReplicaBytes;

  long fromMasters;
  long fromBytes;
  private long toBytes;
  long toMasters;
  long fromVms;
  long toVms;
  long clones;
  long emptyRetirable;
  /** Why the last infeasible batch was refused. */
  String refusal = "";

  RollState(PlanningPolicy policy, ArrayCapabilities caps, RollBounds bounds, Counts c) {
    this.policy = policy;
    this.caps = caps;
    this.bounds = bounds;
    this.fromHasOrigin = c.fromHasOrigin();
    this.toHasOrigin = c.toHasOrigin();
    this.toImage = c.toImage();
    this.retirableCounts = c.retirableCounts();
    this.fromReplicaBytes = c.fromReplicaBytes();
    this.fromMasters = c.fromMasters();
    this.fromBytes = c.fromBytes();
    this.toMasters = c.toMasters();
    this.fromVms = c.fromVms();
    this.toVms = c.toVms();
    this.clones = c.clones();
    this.emptyRetirable = c.emptyRetirable();
    this.start = new Footprint(fromMasters + toMasters, fromBytes + c.toBytes(), clones, 0);
    this.toBytes = c.toBytes();
  }

  /** What a roll starts from, read from the store. */
  record Counts(
      boolean fromHasOrigin, boolean toHasOrigin, long toImage, long fromReplicaBytes,
      Map<ContainerId, Integer> retirableCounts, long fromMasters, long fromBytes,
      long toMasters, long toBytes, long fromVms, long toVms, long clones, long emptyRetirable) {}

  /** The target group's masters once it holds {@code vms}, {@code toCome} of them new. */
  long toMastersFor(long vms, long toCome) {
    long need = SizingRule.masters(policy, caps, toHasOrigin, (int) vms, (int) toCome);
    return Math.max(toMasters, need);
  }

  /**
   * The peak of a batch of {@code b} VMs, {@code missing} of them without a disk now, or null
   * when a bound or limit refuses it (then {@link #refusal} says which).
   */
  @Nullable Footprint peakOf(long b, long missing) {
    long toAfter = toMastersFor(toVms + b, b);
    long perMaster = SizingRule.clonesPerMaster(policy, caps);
    long cap = SizingRule.masterCap(policy, toHasOrigin);
    if (toAfter > cap || (perMaster > 0 && toAfter * perMaster < toVms + b)) {
      refusal = "the policy's master cap (" + policy.maxMastersPerGroup() + ") leaves the target"
          + " group too few masters for " + (toVms + b) + " VMs";
      return null;
    }
    long masters = fromMasters + toAfter;
    long bytes = fromBytes + toBytes + (toAfter - toMasters) * toImage;
    Footprint peak = new Footprint(masters, bytes, clones + missing, b);
    long extraMasters = masters - start.masters();
    long extraBytes = bytes - start.replicaBytes();
    long extraClones = Math.max(0, peak.clones() - start.clones());
    if (bounds.maxExtraMasters() != RollBounds.NO_LIMIT && extraMasters > bounds.maxExtraMasters()) {
      refusal = "the bound of " + bounds.maxExtraMasters() + " extra master(s)";
    } else if (bounds.maxExtraBytes() != RollBounds.NO_LIMIT && extraBytes > bounds.maxExtraBytes()) {
      refusal = "the bound of " + bounds.maxExtraBytes() + " extra bytes";
    } else if (extraBytes > caps.freeCapacityBytes()) {
      refusal = "the store's free capacity (" + caps.freeCapacityBytes() + " bytes)";
    } else if (ArrayCapabilities.isLimited(caps.maxContainersTotal())
        && Math.max(0, extraMasters) + extraClones > caps.remainingContainers()) {
      refusal = "the array's container total (" + caps.remainingContainers() + " left)";
    } else if (ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal())
        && extraClones > caps.remainingVirtualCopies()) {
      refusal = "the array's virtual copy total (" + caps.remainingVirtualCopies() + " left)";
    } else {
      return peak;
    }
    return null;
  }

  /**
   * Moves one VM off the old version's master {@code master} (null when it had no disk or its
   * master is not retirable).
   */
  void leave(ContainerId master) {
    fromVms--;
    Integer left = retirableCounts.computeIfPresent(master, (k, n) -> n - 1);
    if (left != null && left == 0) {
      emptyRetirable++;
    }
  }

  /** Ends a batch of {@code b} VMs, {@code missing} of them made new: sizes and retires. */
  long[] finish(long b, long missing) {
    long toAfter = toMastersFor(toVms + b, b);
    long newReplicas = toAfter - toMasters;
    toBytes += newReplicas * toImage;
    toMasters = toAfter;
    toVms += b;
    clones += missing;
    long target = SizingRule.masters(policy, caps, fromHasOrigin, (int) fromVms, 0);
    long retired = Math.min(Math.max(0, fromMasters - target), emptyRetirable);
    emptyRetirable -= retired;
    fromMasters -= retired;
    fromBytes -= retired * fromReplicaBytes;
    return new long[] {newReplicas, retired};
  }
}
