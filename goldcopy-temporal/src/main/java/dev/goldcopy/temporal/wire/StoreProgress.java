package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

/**
 * A store workflow's progress, as its {@code progress} query answers.
 *
 * @param phase what it is doing
 * @param round the current round, from 1
 * @param replicasDone physical copies made in this round
 * @param replicasPlanned physical copies in this round's plan
 * @param clonesDone virtual copies made in this round
 * @param clonesPlanned virtual copies in this round's plan
 * @param deletionsDone deletions done in this round
 * @param deletionsPlanned deletions in this round's plan
 * @param inFlight array calls in progress
 * @param demandVms the VMs of the demand in force
 * @param demandChanges demand changes taken so far
 * @param totals what the workflow did so far, over all rounds and runs
 */
public record StoreProgress(
    Phase phase,
    int round,
    int replicasDone,
    int replicasPlanned,
    int clonesDone,
    int clonesPlanned,
    int deletionsDone,
    int deletionsPlanned,
    int inFlight,
    int demandVms,
    int demandChanges,
    Totals totals) {

  /** What a store workflow is doing. */
  public enum Phase {
    /** Reading the array's capabilities and the store's inventory. */
    OBSERVING,
    /** Planning (a local activity). */
    PLANNING,
    /** Carrying out the plan's steps. */
    RUNNING,
    /** Deleting what a cancelled run half-made. */
    CLEANING,
    /** Finished. */
    DONE
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public StoreProgress {
    requireNonNull(phase, "phase");
    requireNonNull(totals, "totals");
  }
}
