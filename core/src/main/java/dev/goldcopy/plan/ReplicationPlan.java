package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.StoreRef;
import java.util.List;

/**
 * What to do to one store, and why: the steps, in an order that respects their dependencies, and
 * the demand left unmet. Immutable; print it, diff it, approve it, execute it.
 *
 * @param store the tenant and store the plan is for
 * @param steps the steps; each one's dependencies come before it
 * @param shortfalls the demand this plan cannot meet, by limit
 */
public record ReplicationPlan(StoreRef store, List<PlanStep> steps, List<Shortfall> shortfalls) {

  /**
   * Checks the parts and takes immutable copies.
   *
   * @throws NullPointerException if a part is null
   */
  public ReplicationPlan {
    requireNonNull(store, "store");
    steps = List.copyOf(steps);
    shortfalls = List.copyOf(shortfalls);
  }

  /**
   * Returns whether there is nothing to do: the store is already as the demand wants it (or as
   * close as its limits allow).
   *
   * @return true if the plan has no steps
   */
  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
