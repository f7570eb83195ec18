package dev.goldcopy.plan;

/**
 * The counts of a {@link ReplicationPlan}, for dashboards, approvals and logs.
 *
 * @param replicas physical copies to make
 * @param clones virtual copies to make
 * @param deletions containers to delete, of every cause
 * @param bytesToCopy the bytes the physical copies move in all
 * @param copyRounds the rounds of the fan-out schedule (0 when nothing is copied)
 * @param vmsShort the VMs left without a virtual copy, over every shortfall
 * @param findings the inventory anomalies the plan reports and leaves in place
 */
public record PlanSummary(
    int replicas,
    int clones,
    int deletions,
    long bytesToCopy,
    int copyRounds,
    int vmsShort,
    int findings) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if a count is negative
   */
  public PlanSummary {
    nonNegative("replicas", replicas);
    nonNegative("clones", clones);
    nonNegative("deletions", deletions);
    nonNegative("bytesToCopy", bytesToCopy);
    nonNegative("copyRounds", copyRounds);
    nonNegative("vmsShort", vmsShort);
    nonNegative("findings", findings);
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }
}
