package dev.goldcopy.execute;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContainerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a run keeps from round to round: how often each step failed and which failed for good, the
 * names of containers it tried to make and may have left half-made (suspects), the clones it made,
 * why VMs failed, and the progress counters ({@link #progress} may be read from any thread).
 */
// Counters are volatile for progress readers and written by mailbox tasks only: one writer.
@SuppressWarnings("NonAtomicVolatileUpdate")
final class RunLedger {
  private final Map<String, Integer> failureCounts = new HashMap<>();
  private final Map<String, String> permanentFailures = new HashMap<>();
  private final Set<String> suspects = new HashSet<>();
  private final Set<String> unmendable = new HashSet<>();
  /**
   * The clones this run made, in order: their VMs, names and ids, in three parallel lists (the
   * plan's steps themselves are not kept, so that a finished round's plan can go); made into a map
   * once, at the end.
   */
  private final ArrayList<VmId> madeCloneVms = new ArrayList<>();
  private final ArrayList<String> madeCloneNames = new ArrayList<>();
  private final ArrayList<ContainerId> madeCloneIds = new ArrayList<>();
  private final Map<VmId, String> vmFailures = new HashMap<>();
  /** The VMs whose failure a rerun does not mend (access denied, a drifted plan, ...). */
  private final Set<VmId> vmFailedForGood = new HashSet<>();
  private final Set<VmId> capacityShort = new HashSet<>();
  /** Steps that failed for a round but may be tried again; told as failed only if never done. */
  private final Map<String, Deferred> deferred = new LinkedHashMap<>();

  /** A step failure not yet final. */
  record Deferred(PlanStep step, String why, @Nullable Throwable error) {}

  private volatile int replicasDone;
  private volatile int clonesDone;
  private volatile int deletionsDone;
  private volatile int replicasLeft;
  private volatile int clonesLeft;
  private volatile int deletionsLeft;
  private volatile int rounds;
  private int cleanupDeletions;

  /** Counts a failure of the step that makes {@code key}; after enough, or if final, for good. */
  void stepFailed(String key, String why, boolean repeatable) {
    int count = failureCounts.merge(key, 1, Integer::sum);
    if (!repeatable || count >= ExecutionRun.REPEATABLE_FAILURE_LIMIT) {
      permanentFailures.put(key, why);
    }
    if (!repeatable) {
      unmendable.add(key);
    }
  }

  /** Returns whether the step making {@code key} failed so that a rerun does not mend it. */
  boolean unmendable(String key) {
    return unmendable.contains(key);
  }

  /** Returns why the step that makes {@code key} failed for good, or null. */
  @Nullable String failedForGood(String key) {
    return permanentFailures.get(key);
  }

  /**
   * Notes why {@code vm}'s clone was not made.
   *
   * @param forGood whether running again does not help until the cause is fixed
   */
  void vmFailed(VmId vm, String why, boolean forGood) {
    vmFailures.put(vm, why);
    if (forGood) {
      vmFailedForGood.add(vm);
    } else {
      vmFailedForGood.remove(vm);
    }
  }

  /** Notes that {@code vm}'s clone, or a copy it waited for, found no free capacity. */
  void noteShortOfCapacity(VmId vm) {
    capacityShort.add(vm);
  }

  /** Returns whether the array's free capacity is what left {@code vm} without a clone. */
  boolean vmShortOfCapacity(VmId vm) {
    return capacityShort.contains(vm);
  }

  /** Returns whether {@code vm}'s failure is one a rerun does not mend. */
  boolean vmFailedForGood(VmId vm) {
    return vmFailedForGood.contains(vm);
  }

  /** Notes a failure of the step making {@code key} that a later round may still mend. */
  void defer(String key, PlanStep step, String why, @Nullable Throwable error) {
    deferred.put(key, new Deferred(step, why, error));
  }

  /** Notes that the step making {@code key} is done, or failed for good and was told so. */
  void settled(String key) {
    if (!deferred.isEmpty()) {
      deferred.remove(key);
    }
  }

  /** Returns the failures never mended, by key, in the order they happened. */
  Map<String, Deferred> deferred() {
    return deferred;
  }

  @Nullable String vmFailure(VmId vm) {
    return vmFailures.get(vm);
  }

  /** Notes a name this run asked for and may have left half-made. */
  void suspect(String name) {
    suspects.add(name);
  }

  /** Notes that the container named {@code name} is complete, or gone. */
  void cleared(String name) {
    if (!suspects.isEmpty()) {
      suspects.remove(name);
    }
  }

  boolean isSuspect(String name) {
    return suspects.contains(name);
  }

  boolean hasSuspects() {
    return !suspects.isEmpty();
  }

  /** A new round's plan: what is left is what it holds. */
  void planned(int replicas, int clones, int deletions) {
    // room for every clone the round may make, so that the lists do not grow by copying
    int room = madeCloneVms.size() + clones;
    madeCloneVms.ensureCapacity(room);
    madeCloneNames.ensureCapacity(room);
    madeCloneIds.ensureCapacity(room);
    replicasLeft = replicas;
    clonesLeft = clones;
    deletionsLeft = deletions;
  }

  void roundStarted() {
    rounds++;
  }

  void replicaMade() {
    replicasDone++;
    replicasLeft--;
  }

  void cloneMade(CreateClone clone, ContainerId id) {
    madeCloneVms.add(clone.vm());
    madeCloneNames.add(clone.name());
    madeCloneIds.add(id);
    clonesDone++;
    clonesLeft--;
  }

  void deletionDone() {
    deletionsDone++;
    deletionsLeft--;
  }

  /** Counts a deletion that was not a step of the plan: a failed or half-made copy. */
  void cleanupDeletion() {
    cleanupDeletions++;
  }

  /** Returns the VMs of the clones this run made, in order. */
  List<VmId> madeCloneVms() {
    return madeCloneVms;
  }

  /** Returns the names of the clones this run made, in the order of {@link #madeCloneVms()}. */
  List<String> madeCloneNames() {
    return madeCloneNames;
  }

  /** Returns the ids of the clones this run made, in the order of {@link #madeCloneVms()}. */
  List<ContainerId> madeCloneIds() {
    return madeCloneIds;
  }

  /** Returns the run's totals. */
  ExecutionTotals totals(int retries, int failedCalls, Duration elapsed) {
    return new ExecutionTotals(
        replicasDone,
        clonesDone,
        deletionsDone + cleanupDeletions,
        retries,
        failedCalls,
        rounds,
        elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  /** Returns the progress so far; may be called from any thread. */
  ProgressSnapshot progress(int retries, int inFlight) {
    int rd = replicasDone;
    int cd = clonesDone;
    int dd = deletionsDone;
    return new ProgressSnapshot(
        new StepProgress(rd, rd + Math.max(0, replicasLeft)),
        new StepProgress(cd, cd + Math.max(0, clonesLeft)),
        new StepProgress(dd, dd + Math.max(0, deletionsLeft)),
        retries,
        inFlight,
        rounds);
  }
}
