package dev.goldcopy.temporal.wire;

import java.util.List;
import java.util.Map;

/**
 * What a store workflow hands to its next run when it continues as new: its counters and what it
 * must remember about the array between rounds. State about the store itself stays on the array.
 *
 * @param runsBefore how many runs of this workflow continued as new before this one
 * @param totals what the workflow did so far
 * @param suspects names of containers it asked the array to make and has not seen ready; the only
 *     ones a cancelled run deletes if they are not ready
 * @param failureCounts per step name, how many rounds its step failed in
 * @param permanentFailures per step key (the name a step makes, or {@code delete:} and the
 *     container's id), why its step failed for good
 * @param madeVms the VMs whose clone this workflow made
 * @param vmFailures per VM, why its clone failed last
 * @param doneSteps in {@code APPLY} mode, the ids of the approved plan's steps carried out
 * @param demandChanges how many demand changes the workflow took
 * @param noProgressRounds rounds in a row that ended with nothing done
 */
public record Carry(
    int runsBefore,
    Totals totals,
    List<String> suspects,
    Map<String, Integer> failureCounts,
    Map<String, String> permanentFailures,
    List<String> madeVms,
    Map<String, String> vmFailures,
    List<String> doneSteps,
    int demandChanges,
    int noProgressRounds) {

  /**
   * Takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public Carry {
    java.util.Objects.requireNonNull(totals, "totals");
    suspects = List.copyOf(suspects);
    failureCounts = Map.copyOf(failureCounts);
    permanentFailures = Map.copyOf(permanentFailures);
    madeVms = List.copyOf(madeVms);
    vmFailures = Map.copyOf(vmFailures);
    doneSteps = List.copyOf(doneSteps);
  }

  /**
   * Returns the carry-over of a first run: nothing.
   *
   * @return the empty carry-over
   */
  public static Carry empty() {
    return new Carry(0, Totals.ZERO, List.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of(),
        0, 0);
  }
}
