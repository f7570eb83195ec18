package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

/**
 * Something odd in the inventory that the plan leaves in place and reports: a clone outside its
 * group, a master over a lowered limit, a choice between groups. The planner never moves an
 * existing clone to fix one; an operator decides.
 *
 * @param kind what is odd
 * @param name the container (or, for {@link Kind#SEVERAL_GROUPS}, the group) concerned
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
    /** A container Goldcopy did not make holds the name of a VM's clone: the VM cannot be provisioned. */
    NAME_TAKEN,
    /** Containers adopted by the policy: managed as Goldcopy's own from now on. */
    ADOPTED,
    /** A group holds masters of more than one content: it is left alone and serves no VM. */
    MALFORMED_GROUP,
    /** A failed master that still has clones: it cannot be deleted until they go. */
    FAILED_MASTER_WITH_CLONES
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
