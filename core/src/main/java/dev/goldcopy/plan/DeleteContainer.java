package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContainerId;
import java.util.List;

/**
 * Delete an existing container: a removed VM's clone, a retired replica, or a failed copy.
 *
 * @param id the step's identifier
 * @param container the container's identifier on the array
 * @param name the container's name
 * @param cause what kind of clean-up this is
 * @param dependsOn the steps that must finish first (a retired replica waits for its clones'
 *     deletions)
 * @param reason why the container goes, in an engineer's words
 */
public record DeleteContainer(
    String id,
    ContainerId container,
    String name,
    Cause cause,
    List<String> dependsOn,
    String reason)
    implements PlanStep {

  /** What kind of clean-up a deletion is. */
  public enum Cause {
    /**
     * The VM the virtual copy served is no longer in the demand, or now runs another image
     * version (its new clone then depends on this deletion).
     */
    VM_REMOVED,
    /** A replica with no clones that the sizing no longer needs. */
    REPLICA_RETIRED,
    /**
     * The clone of a VM whose disk may be recreated, moved off a surplus replica so that the
     * replica can be retired (the policy's {@code consolidate}); its new clone depends on this
     * deletion.
     */
    CONSOLIDATED,
    /** A physical copy that failed or never completed. */
    FAILED_COPY
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public DeleteContainer {
    requireNonNull(id, "id");
    requireNonNull(container, "container");
    requireNonNull(name, "name");
    requireNonNull(cause, "cause");
    requireNonNull(reason, "reason");
    dependsOn = List.copyOf(dependsOn);
  }
}
