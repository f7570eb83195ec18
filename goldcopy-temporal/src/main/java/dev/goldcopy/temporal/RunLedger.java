package dev.goldcopy.temporal;

import dev.goldcopy.temporal.wire.Carry;
import dev.goldcopy.temporal.wire.Totals;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a store workflow remembers across rounds, and across runs through {@link Carry}: counters,
 * the names it asked the array to make and has not seen ready, failures by step, the VMs it made.
 * Workflow state: ordered collections only, so iteration is the same on every replay.
 */
final class RunLedger {
  /** Rounds a step whose failure may pass (a conflict, a limit, spent retries) gets. */
  static final int REPEATABLE_FAILURE_LIMIT = 3;

  final int runsBefore;
  int replicasMade;
  int clonesMade;
  int deletions;
  int cleanupDeletions;
  int retries;
  int failedSteps;
  int rounds;
  int copyPolls;
  int limitRefusals;
  int demandChanges;
  int noProgressRounds;
  final Set<String> suspects = new LinkedHashSet<>();
  final Map<String, Integer> failureCounts = new TreeMap<>();
  final Map<String, String> permanentFailures = new TreeMap<>();
  final Set<String> madeVms = new LinkedHashSet<>();
  final Map<String, String> vmFailures = new TreeMap<>();
  final Set<String> doneSteps = new LinkedHashSet<>();

  RunLedger(Carry carry) {
    runsBefore = carry.runsBefore();
    Totals t = carry.totals();
    replicasMade = t.replicasMade();
    clonesMade = t.clonesMade();
    deletions = t.deletions();
    cleanupDeletions = t.cleanupDeletions();
    retries = t.retries();
    failedSteps = t.failedSteps();
    rounds = t.rounds();
    copyPolls = t.copyPolls();
    limitRefusals = t.limitRefusals();
    suspects.addAll(carry.suspects());
    failureCounts.putAll(carry.failureCounts());
    permanentFailures.putAll(carry.permanentFailures());
    madeVms.addAll(carry.madeVms());
    vmFailures.putAll(carry.vmFailures());
    doneSteps.addAll(carry.doneSteps());
    demandChanges = carry.demandChanges();
    noProgressRounds = carry.noProgressRounds();
  }

  Totals totals() {
    return new Totals(replicasMade, clonesMade, deletions, cleanupDeletions, retries, failedSteps,
        rounds, copyPolls, limitRefusals);
  }

  Carry carry() {
    return new Carry(runsBefore + 1, totals(), suspects.stream().toList(),
        new LinkedHashMap<>(failureCounts), new LinkedHashMap<>(permanentFailures),
        madeVms.stream().toList(), new LinkedHashMap<>(vmFailures), doneSteps.stream().toList(),
        demandChanges, noProgressRounds);
  }

  /**
   * Counts a failure of the step that makes or deletes {@code name}, and says whether it is now
   * permanent.
   */
  boolean countFailure(String name, String why, boolean repeatable) {
    failedSteps++;
    int count = failureCounts.merge(name, 1, Integer::sum);
    if (!repeatable || count >= REPEATABLE_FAILURE_LIMIT) {
      permanentFailures.put(name, why);
      return true;
    }
    return false;
  }
}
