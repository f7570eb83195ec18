package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.spi.StoreRef;
import org.jspecify.annotations.Nullable;

/**
 * The input of a store workflow. Build it with {@link dev.goldcopy.temporal.StoreClient}.
 *
 * @param tenant the tenant that owns the store
 * @param store the store
 * @param arrayId the array the store lives on, as the workers' {@link
 *     dev.goldcopy.temporal.ArrayRegistry} knows it
 * @param mode what to do
 * @param demand the VMs the store must run ({@link Mode#CONVERGE} and {@link Mode#PREVIEW})
 * @param approved the approved plan ({@link Mode#APPLY})
 * @param policy the planning policy
 * @param retry the retry policy of every array call, mapped onto Temporal's retry options
 * @param settings timeouts, task queue, caps and the owner label
 * @param carry what a previous run of the same workflow carried over when it continued as new;
 *     {@link Carry#empty()} at the first start
 */
public record StoreRequest(
    String tenant,
    String store,
    String arrayId,
    Mode mode,
    @Nullable DemandDto demand,
    @Nullable ApprovedPlanDto approved,
    PolicyDto policy,
    RetryPolicy retry,
    StoreSettings settings,
    Carry carry) {

  /** What a store workflow does. */
  public enum Mode {
    /** Observe, plan and carry out, again and again, until the store matches the demand. */
    CONVERGE,
    /** Carry out exactly the steps of an approved plan; stop if the store drifted. */
    APPLY,
    /** Observe and plan only, and return the plan with its preconditions, for approval. */
    PREVIEW
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the mode's input is missing
   */
  public StoreRequest {
    requireNonNull(tenant, "tenant");
    requireNonNull(store, "store");
    requireNonNull(arrayId, "arrayId");
    requireNonNull(mode, "mode");
    requireNonNull(policy, "policy");
    requireNonNull(retry, "retry");
    requireNonNull(settings, "settings");
    requireNonNull(carry, "carry");
    if (mode == Mode.APPLY && approved == null) {
      throw new IllegalArgumentException("approved: an APPLY request needs the approved plan");
    }
    if (mode != Mode.APPLY && demand == null) {
      throw new IllegalArgumentException("demand: a " + mode + " request needs the demand");
    }
  }

  /**
   * Returns the store as Goldcopy names it.
   *
   * @return the tenant and store
   */
  public StoreRef storeRef() {
    return StoreRef.of(tenant, store);
  }

  /**
   * Returns this request with another demand and carry-over, for continuing as new.
   *
   * @param newDemand the demand in force
   * @param newCarry what the next run takes over
   * @return the new request
   */
  public StoreRequest continued(@Nullable DemandDto newDemand, Carry newCarry) {
    return new StoreRequest(tenant, store, arrayId, mode, newDemand, approved, policy, retry,
        settings, newCarry);
  }
}
