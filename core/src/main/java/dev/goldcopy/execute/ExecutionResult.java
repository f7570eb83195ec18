package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, per VM, and what is left.
 *
 * @param outcome how the run ended
 * @param vms what happened to each VM of the demand, in the demand's order
 * @param undone the steps of the last plan that were not carried out, each with why
 * @param shortfalls the demand the last plan could not meet, by limit
 * @param totals what the run did, in numbers
 */
public record ExecutionResult(
    Outcome outcome,
    Map<VmId, VmOutcome> vms,
    List<UndoneStep> undone,
    List<Shortfall> shortfalls,
    ExecutionTotals totals) {
  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public ExecutionResult {
    requireNonNull(outcome, "outcome");
    vms = ImmutableMap.copyOf(vms);
    undone = List.copyOf(undone);
    shortfalls = List.copyOf(shortfalls);
    requireNonNull(totals, "totals");
  }
}
