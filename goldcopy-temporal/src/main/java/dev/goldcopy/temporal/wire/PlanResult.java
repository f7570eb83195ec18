package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the planning local activity answers.
 *
 * @param plan the plan, without the steps that would touch what this control plane does not own;
 *     null if planning failed
 * @param leftInPlace containers the planner wanted deleted that this control plane does not own
 * @param held steps left out because they depend on such a deletion (step id, colon, why)
 * @param error why planning failed (the planner refused the input); null if it did not
 */
public record PlanResult(
    @Nullable PlanDto plan, List<String> leftInPlace, List<String> held, @Nullable String error) {

  /**
   * Takes immutable copies.
   *
   * @throws NullPointerException if a list is null
   */
  public PlanResult {
    leftInPlace = List.copyOf(requireNonNull(leftInPlace, "leftInPlace"));
    held = List.copyOf(requireNonNull(held, "held"));
  }
}
