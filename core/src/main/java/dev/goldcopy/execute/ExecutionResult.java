package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, per VM, and what is left. Each VM's outcome is read from the array at the end
 * of the run, after the clean-up: a VM is {@link VmOutcome.Provisioned} or {@link
 * VmOutcome.AlreadyThere} exactly when the store then holds its ready virtual copy.
 *
 * @param outcome how the run ended
 * @param reason why it ended so, in words (for {@link Outcome#SUCCEEDED}: {@code "done"})
 * @param vms what happened to each VM of the demand, in the demand's order
 * @param undone the steps of the last plan that were not carried out, each with why
 * @param shortfalls the demand the last plan could not meet, by limit
 * @param drift how the store differed from an approved plan's assumptions; empty unless the outcome
 *     is {@link Outcome#DRIFTED}
 * @param totals what the run did, in numbers
 */
public record ExecutionResult(
    Outcome outcome,
    String reason,
    Map<VmId, VmOutcome> vms,
    List<UndoneStep> undone,
    List<Shortfall> shortfalls,
    List<Drift> drift,
    ExecutionTotals totals) {
  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public ExecutionResult {
    requireNonNull(outcome, "outcome");
    requireNonNull(reason, "reason");
    vms = vms instanceof VmOutcomeMap ? vms : ImmutableMap.copyOf(vms);
    undone = List.copyOf(undone);
    shortfalls = List.copyOf(shortfalls);
    drift = List.copyOf(drift);
    requireNonNull(totals, "totals");
  }

  /**
   * Makes a result with no drift, the reason being the outcome's name.
   *
   * @param outcome how the run ended
   * @param vms what happened to each VM
   * @param undone the steps not carried out
   * @param shortfalls the demand the last plan could not meet
   * @param totals what the run did
   * @throws NullPointerException if a field is null
   */
  public ExecutionResult(
      Outcome outcome,
      Map<VmId, VmOutcome> vms,
      List<UndoneStep> undone,
      List<Shortfall> shortfalls,
      ExecutionTotals totals) {
    this(
        outcome,
        requireNonNull(outcome, "outcome").name().toLowerCase(java.util.Locale.ROOT),
        vms, undone, shortfalls, List.of(), totals);
  }
}
