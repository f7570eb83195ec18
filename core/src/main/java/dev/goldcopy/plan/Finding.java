package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

/**
 * Something odd in the inventory that the plan leaves in place and reports (a clone outside its
 * group, a master over a lowered limit, a choice between groups), or a rule of the policy the plan
 * could not follow as written (a clone ratio the group could not honour, a fill cap that rounds to
 * nothing). The planner never moves an existing clone to fix one; an operator decides.
 *
 * @param kind what is odd
 * @param name the container (or, for {@link Kind#SEVERAL_GROUPS} and {@link Kind#RATIO_EXCEEDED},
 *     the group; for {@link Kind#FILL_CAP_RAISED}, {@code "policy"}) concerned
 * @param detail the account, with the numbers
 */
public record Finding(Kind kind, String name, String detail) {

  /** What kind of anomaly a finding reports. */
  public enum Kind {
    /** A virtual copy whose source is not in the inventory. It is kept and still serves its VM. */
    CLONE_SOURCE_MISSING,
    /**
     * A virtual copy whose source is not a member of its image version's chosen group (another
     * group, a virtual copy, a failed master). It is kept and still serves its VM.
     */
    CLONE_OUTSIDE_GROUP,
    /** A master holding more clones than the per-source limit allows now. It takes no new ones. */
    MASTER_OVER_LIMIT,
    /** Several groups hold the demanded content; the planner chose one deterministically. */
    SEVERAL_GROUPS,
    /** Containers Goldcopy does not own (foreign, other owners') share a master: counted, never touched. */
    FOREIGN_ON_MASTER,
    /** A persistent VM's image version changed: its clone is kept until the caller asks to recompose it. */
    RECOMPOSE_DUE,
    /**
     * A replica the sizing no longer needs is kept because clones that may not move (persistent
     * disks, containers Goldcopy does not own, or recreatable ones when the policy does not
     * consolidate) still use it.
     */
    SURPLUS_KEPT,
    /** A container Goldcopy did not make holds the name of a VM's clone: the VM cannot be provisioned. */
    NAME_TAKEN,
    /** Containers adopted by the policy: managed as Goldcopy's own from now on. */
    ADOPTED,
    /** A group holds masters of more than one content: it is left alone and serves no VM. */
    MALFORMED_GROUP,
    /** A failed master that still has clones: it cannot be deleted until they go. */
    FAILED_MASTER_WITH_CLONES,
    /**
     * The policy's soft clone ratio could not be honoured: the group could not grow (a master cap,
     * the capacity or the array's total bound), so some masters take clones above the ratio, up to
     * the hard limit. The detail says which masters, how many clones and why.
     */
    RATIO_EXCEEDED,
    /**
     * The policy's fill cap rounds to 0 clones per master on this array ({@code floor(limit x
     * percent / 100)}); it is raised to 1, never read as "no limit".
     */
    FILL_CAP_RAISED
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   */
  public Finding {
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(detail, "detail");
  }
}
