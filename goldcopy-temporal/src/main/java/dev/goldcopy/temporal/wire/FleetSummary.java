package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a fleet request, store by store and in sum; also the answer of the fleet
 * workflow's {@code summary} query while it runs.
 *
 * @param requested stores in the request
 * @param finished stores whose workflow has ended
 * @param byStatus per {@link StoreResult.Status} name (and {@code BUSY} for a store another run
 *     already drives), how many stores ended so
 * @param vmsProvisioned VMs whose clone the store workflows made
 * @param vmsAlreadyThere VMs whose clone was there before
 * @param vmsFailed VMs whose clone could not be made
 * @param vmsUnmet VMs a limit leaves out
 * @param vmsUnfinished VMs left for a rerun
 * @param stores one line per finished store, in the request's order
 */
public record FleetSummary(
    int requested,
    int finished,
    Map<String, Integer> byStatus,
    int vmsProvisioned,
    int vmsAlreadyThere,
    int vmsFailed,
    int vmsUnmet,
    int vmsUnfinished,
    List<Line> stores) {

  /**
   * One store's outcome.
   *
   * @param tenant the tenant
   * @param store the store
   * @param status the store workflow's status, or {@code BUSY} if another run drives the store
   * @param reason why
   */
  public record Line(String tenant, String store, String status, String reason) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Line {
      requireNonNull(tenant, "tenant");
      requireNonNull(store, "store");
      requireNonNull(status, "status");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public FleetSummary {
    byStatus = Map.copyOf(byStatus);
    stores = List.copyOf(stores);
  }
}
