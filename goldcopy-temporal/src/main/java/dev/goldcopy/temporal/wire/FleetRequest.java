package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.RetryPolicy;
import java.util.List;

/**
 * One request that provisions many stores: each gets a child store workflow with its own demand,
 * and the same policy, retries and settings.
 *
 * @param stores the stores and the demand of each (its whole demand: a VM it does not list is
 *     removed from that store)
 * @param policy the planning policy of every store
 * @param retry the retry policy of every array call
 * @param settings the store workflows' settings
 * @param maxParallel how many store workflows run at once; the rest wait their turn
 */
public record FleetRequest(
    List<Target> stores,
    PolicyDto policy,
    RetryPolicy retry,
    StoreSettings settings,
    int maxParallel) {

  /**
   * One store of a fleet request.
   *
   * @param tenant the tenant
   * @param store the store
   * @param arrayId the array it lives on
   * @param demand its demand
   */
  public record Target(String tenant, String store, String arrayId, DemandDto demand) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Target {
      requireNonNull(tenant, "tenant");
      requireNonNull(store, "store");
      requireNonNull(arrayId, "arrayId");
      requireNonNull(demand, "demand");
    }
  }

  /**
   * Checks the fields and takes an immutable copy.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code maxParallel} is below 1
   */
  public FleetRequest {
    stores = List.copyOf(stores);
    requireNonNull(policy, "policy");
    requireNonNull(retry, "retry");
    requireNonNull(settings, "settings");
    if (maxParallel < 1) {
      throw new IllegalArgumentException("maxParallel must be at least 1: " + maxParallel);
    }
  }
}
