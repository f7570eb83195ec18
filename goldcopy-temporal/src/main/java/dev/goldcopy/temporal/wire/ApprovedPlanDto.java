package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A plan together with the preconditions it was made on, as an operator approves it: the facts
 * about every container name its steps touch and the limits it relied on. Applying it carries out
 * exactly its steps, and stops with the first difference if the store has drifted.
 *
 * @param plan the plan
 * @param facts the facts about each name the steps touch, sorted by name
 * @param perSourceLimit the per-source clone limit the plan was made for
 * @param virtualCopiesSupported whether the array made virtual copies then
 * @param fingerprint a digest of the facts and limits, to quote in an approval
 */
public record ApprovedPlanDto(
    PlanDto plan,
    List<FactDto> facts,
    int perSourceLimit,
    boolean virtualCopiesSupported,
    String fingerprint) {

  /**
   * Checks the fields and takes an immutable copy.
   *
   * @throws NullPointerException if a field is null
   */
  public ApprovedPlanDto {
    requireNonNull(plan, "plan");
    facts = List.copyOf(facts);
    requireNonNull(fingerprint, "fingerprint");
  }
}
