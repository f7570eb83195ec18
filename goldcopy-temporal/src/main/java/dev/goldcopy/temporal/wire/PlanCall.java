package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

/**
 * The input of the planning local activity.
 *
 * @param tenant the tenant
 * @param store the store
 * @param observation what the store holds and what the array can do
 * @param demand the demand in force
 * @param policy the planning policy, with the owner id of this control plane
 */
public record PlanCall(
    String tenant,
    String store,
    ObservationDto observation,
    DemandDto demand,
    PolicyDto policy) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public PlanCall {
    requireNonNull(tenant, "tenant");
    requireNonNull(store, "store");
    requireNonNull(observation, "observation");
    requireNonNull(demand, "demand");
    requireNonNull(policy, "policy");
  }
}
