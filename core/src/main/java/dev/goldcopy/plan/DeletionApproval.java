package dev.goldcopy.plan;

/**
 * The caller's explicit approval, for one run, of deletions the {@link DeletionGuard} would
 * refuse. Given with the {@link PlanningInput} (or the executor's run), never stored in a policy.
 *
 * @param maxClones the most clones this run may delete whatever the guard says; 0 approves nothing
 */
public record DeletionApproval(int maxClones) {
  private static final DeletionApproval NONE = new DeletionApproval(0);

  /**
   * Checks the value.
   *
   * @throws IllegalArgumentException if it is negative
   */
  public DeletionApproval {
    if (maxClones < 0) {
      throw new IllegalArgumentException("maxClones must not be negative: " + maxClones);
    }
  }

  /**
   * Approves nothing beyond the guard: the default.
   *
   * @return no approval
   */
  public static DeletionApproval none() {
    return NONE;
  }

  /**
   * Approves deleting up to {@code count} clones in this run.
   *
   * @param count the most clones
   * @return the approval
   */
  public static DeletionApproval upTo(int count) {
    return new DeletionApproval(count);
  }

  /**
   * Approves deleting every clone the plan deletes in this run, for example to empty a store on
   * purpose.
   *
   * @return the approval
   */
  public static DeletionApproval all() {
    return new DeletionApproval(Integer.MAX_VALUE);
  }
}
