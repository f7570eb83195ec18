package dev.goldcopy.plan;

/** How the planner places new virtual copies on the masters of a replica group. */
public enum Placement {
  /**
   * Each new clone goes on the master with the fewest clones (ties: the master that sorts first),
   * so load and blast radius spread evenly. Where the masters' clones are capped (the clone ratio,
   * the per-source limit) and no throughput rule is set, the masters ready when the plan is made
   * take their share first, up to that cap, and the masters still to be copied take only what the
   * ready ones cannot hold, spread evenly among them: so as many clones as the ready masters hold
   * start at once rather than wait for a copy, and fewer VMs depend on a copy that may fail. (A
   * throughput rule keeps the even spread: its masters exist to share the creations that run at
   * once.) The default.
   */
  SPREAD,
  /**
   * New clones fill the masters one after another (existing masters in name order, then the new
   * replicas in ordinal order), so later masters stay empty as long as possible.
   */
  PACK
}
