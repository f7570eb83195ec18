package dev.goldcopy.plan;

/** How the planner places new virtual copies on the masters of a replica group. */
public enum Placement {
  /**
   * Each new clone goes on the master with the fewest clones (ties: the master that sorts first),
   * so load and blast radius spread evenly. The default.
   */
  SPREAD,
  /**
   * New clones fill the masters one after another (existing masters in name order, then the new
   * replicas in ordinal order), so later masters stay empty as long as possible.
   */
  PACK
}
