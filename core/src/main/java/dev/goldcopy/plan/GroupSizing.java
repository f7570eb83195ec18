package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;

/**
 * How the planner sized one replica group, with the numbers behind the decision.
 *
 * @param content the image version the group holds
 * @param group the group
 * @param demandedVms N: the VMs of this image version in the demand (provisioned and to come)
 * @param newVms the demanded VMs that get a new clone in this plan
 * @param perSourceLimit L: the per-master clone count used for sizing (the policy's ratio or the
 *     array's limit, whichever is lower); 0 when neither limits
 * @param countNeed masters needed to hold N clones (with the growth headroom, and the origin
 *     counted apart when it is reserved)
 * @param throughputNeed masters needed for the concurrent creations; 0 without a throughput rule
 * @param mastersAfter the group's masters once the plan is carried out
 * @param existingMasters the group's ready or copying masters now
 * @param newReplicas the replicas this plan makes
 * @param retiredReplicas the replicas this plan retires
 * @param note the decision in an engineer's words: which need and which limit bound
 */
public record GroupSizing(
    ContentId content,
    GroupId group,
    int demandedVms,
    int newVms,
    int perSourceLimit,
    int countNeed,
    int throughputNeed,
    int mastersAfter,
    int existingMasters,
    int newReplicas,
    int retiredReplicas,
    String note) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the field if a count is negative
   */
  public GroupSizing {
    requireNonNull(content, "content");
    requireNonNull(group, "group");
    requireNonNull(note, "note");
    nonNegative("demandedVms", demandedVms);
    nonNegative("newVms", newVms);
    nonNegative("perSourceLimit", perSourceLimit);
    nonNegative("countNeed", countNeed);
    nonNegative("throughputNeed", throughputNeed);
    nonNegative("mastersAfter", mastersAfter);
    nonNegative("existingMasters", existingMasters);
    nonNegative("newReplicas", newReplicas);
    nonNegative("retiredReplicas", retiredReplicas);
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }
}
