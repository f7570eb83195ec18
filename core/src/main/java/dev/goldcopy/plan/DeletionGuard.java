package dev.goldcopy.plan;

/**
 * How much of the owner's clones one plan may delete before it needs the caller's explicit
 * approval for that run ({@link DeletionApproval}). Deleting is the dangerous verb: a wrong demand
 * (an empty list from a failed query, a typo in an image version) must not wipe a store.
 *
 * <p>A plan is refused when it would delete every one of the owner's clones (and there is at least
 * one), more than {@code maxClones} of them, or more than {@code maxPercent} percent of them.
 *
 * @param maxClones the most clones one plan deletes without approval; at least 1
 * @param maxPercent the largest share of the owner's clones one plan deletes without approval,
 *     1 to 100
 */
public record DeletionGuard(int maxClones, int maxPercent) {

  /** The default: at most 90% of the owner's clones, and never all of them. */
  public static final DeletionGuard DEFAULT = new DeletionGuard(Integer.MAX_VALUE, 90);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public DeletionGuard {
    if (maxClones < 1) {
      throw new IllegalArgumentException("maxClones must be at least 1: " + maxClones);
    }
    if (maxPercent < 1 || maxPercent > 100) {
      throw new IllegalArgumentException("maxPercent must be 1 to 100: " + maxPercent);
    }
  }

  /**
   * Says why deleting {@code deleting} of {@code owned} clones needs approval.
   *
   * @param deleting clones the plan deletes
   * @param owned the owner's clones in the store
   * @return the reason, or null if the guard lets it pass
   */
  @org.jspecify.annotations.Nullable
  String refusal(int deleting, int owned) {
    if (deleting == 0) {
      return null;
    }
    if (deleting >= owned) {
      return "it deletes all " + owned + " of the owner's clones in the store";
    }
    if (deleting > maxClones) {
      return "it deletes " + deleting + " clones, more than the guard's " + maxClones;
    }
    if ((long) deleting * 100 > (long) maxPercent * owned) {
      return "it deletes " + deleting + " of the owner's " + owned + " clones, more than the guard's "
          + maxPercent + "%";
    }
    return null;
  }
}
