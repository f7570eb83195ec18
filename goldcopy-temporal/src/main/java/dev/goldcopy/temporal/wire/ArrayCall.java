package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.spi.StoreRef;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One array call an activity makes for a store workflow.
 *
 * @param arrayId the array, as the worker's registry knows it
 * @param tenant the tenant
 * @param store the store
 * @param op what to do
 * @param target the name of the container to make, or the id of the one to delete; empty for an
 *     observation
 * @param sourceId the id of the source of a copy; null otherwise
 * @param labels the labels of a new container
 * @param hold for a physical copy: how long to wait before handing back a copy in progress, in
 *     milliseconds
 * @param retry the retry policy; its back-off (with jitter and the array's hint) sets the delay
 *     before Temporal's next attempt
 */
public record ArrayCall(
    String arrayId,
    String tenant,
    String store,
    Op op,
    String target,
    @Nullable String sourceId,
    Map<String, String> labels,
    long hold,
    RetryPolicy retry) {

  /** The array operation. */
  public enum Op {
    /** Capabilities and inventory. */
    OBSERVE,
    /** {@code createPhysicalCopy}. */
    COPY,
    /** {@code createVirtualCopy}. */
    CLONE,
    /** {@code delete}. */
    DELETE
  }

  /**
   * Checks the fields and takes an immutable copy of the labels.
   *
   * @throws NullPointerException if a required field is null
   */
  public ArrayCall {
    requireNonNull(arrayId, "arrayId");
    requireNonNull(tenant, "tenant");
    requireNonNull(store, "store");
    requireNonNull(op, "op");
    requireNonNull(target, "target");
    labels = Map.copyOf(labels);
    requireNonNull(retry, "retry");
  }

  /**
   * Returns the store called.
   *
   * @return the tenant and store
   */
  public StoreRef storeRef() {
    return StoreRef.of(tenant, store);
  }
}
