package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContentId;
import java.util.List;

/**
 * Demand the plan cannot meet: which VMs go without a virtual copy, which limit stops them, and by
 * how much. A plan never provisions fewer VMs silently; it lists every one it leaves out here.
 *
 * @param content the image version the VMs run
 * @param limit the limit that binds
 * @param vms the VMs left without a virtual copy, sorted
 * @param reason the account of the shortfall, with the numbers
 */
public record Shortfall(ContentId content, Limit limit, List<VmId> vms, String reason) {

  /** The limit that leaves demand unmet. */
  public enum Limit {
    /** The array's per-source virtual copy limit, with no room for more masters. */
    PER_SOURCE,
    /** The array-wide virtual copy total (less what the rest of the array holds). */
    ARRAY_TOTAL,
    /** The array-wide total of containers of every kind (less what the rest of the array holds). */
    ARRAY_CONTAINERS,
    /** Free capacity for replicas or clone growth. */
    CAPACITY,
    /** The policy's cap on replicas per group. */
    REPLICA_CAP,
    /**
     * The naming strategy makes no name the array allows for the group's next replica (an unsafe
     * group id, or a name too long for the array).
     */
    REPLICA_NAME,
    /** A container Goldcopy does not own holds the name the VM's clone needs. */
    NAME_TAKEN,
    /** The image version's group cannot serve: no usable origin, or a malformed group. */
    NO_USABLE_GROUP
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code vms} is empty
   */
  public Shortfall {
    requireNonNull(content, "content");
    requireNonNull(limit, "limit");
    requireNonNull(reason, "reason");
    vms = List.copyOf(vms);
    if (vms.isEmpty()) {
      throw new IllegalArgumentException("vms must name at least one VM left out");
    }
  }
}
