package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.Shortfall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's rounds come from: the planner, converging to a demand ({@link RoundPlanner}), or
 * an approved plan carried out as it stands ({@link ApprovedRounds}).
 */
interface RoundSource {
  /**
   * What a round source gave for one observation.
   *
   * @param refusal why no round can be planned (the planner refused the input), or null
   * @param drift how the store drifted from an approved plan; empty when the round may run
   * @param graph the round's steps (empty if refused or drifted)
   * @param shortfalls the plan's shortfalls
   * @param round the round to run, or null if no step can be issued
   */
  record Planned(
      @Nullable String refusal,
      List<Drift> drift,
      StepGraph graph,
      List<Shortfall> shortfalls,
      @Nullable Round round) {

    static Planned refused(String why) {
      return new Planned(why, List.of(), StepGraph.EMPTY, List.of(), null);
    }

    static Planned nothingToDo(StepGraph graph, List<Shortfall> shortfalls) {
      return new Planned(null, List.of(), graph, shortfalls, null);
    }

    /**
     * A round of {@code graph}'s steps on the store as observed, within the array's and the
     * caller's concurrency; steps that failed for good in earlier rounds, and what depends on
     * them, are failed in it at once (a clone's VM with the reason), and if nothing is left to
     * issue there is no round.
     */
    static Planned ready(
        StepGraph graph,
        List<Shortfall> shortfalls,
        Observation observation,
        RunLedger ledger,
        int callerPhysicalCap,
        int callerVirtualCap) {
      Round round =
          Round.of(
              graph,
              ArrayView.of(observation.inventory()),
              observation.capabilities(),
              callerPhysicalCap,
              callerVirtualCap);
      int issuable =
          graph.carryFailures(
              ledger::failedForGood,
              (root, blocked, reason) -> {
                if (blocked.step instanceof CreateClone c) {
                  ledger.vmFailed(c.vm(), reason, ledger.unmendable(root.key));
                }
              });
      return new Planned(null, List.of(), graph, shortfalls, issuable == 0 ? null : round);
    }
  }

  /** Plans the round that follows {@code observation}. */
  Planned plan(Observation observation);

  /** Returns the check every change of the run passes before it is made. */
  default ArrayCalls.Gate gate() {
    return ArrayCalls.Gate.OPEN;
  }

  /** Makes a run's round source from the parts of the run it needs. */
  @FunctionalInterface
  interface Maker {
    /** Makes the round source of a run with this ledger, stewardship, array calls and control. */
    RoundSource make(RunLedger ledger, Stewardship stewardship, ArrayCalls calls, RunControl run);
  }
}
