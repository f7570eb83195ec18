package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

/**
 * Plans how a tenant store gets from its current inventory to its demand: how many physical
 * masters each image version's replica group needs, which replicas to copy from which source in
 * which round, where each new VM's clone goes, and what to delete. Pure: no I/O, no clock, no
 * randomness; the same input always gives the same plan. Thread-safe.
 *
 * <pre>{@code
 * ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(PlanningPolicy.defaults());
 * ReplicationPlan plan = planner.plan(new PlanningInput(store, capabilities, inventory, demand));
 * }</pre>
 *
 * <h2>Sizing</h2>
 *
 * For each demanded image version, with N the VMs of that version in the demand (provisioned and
 * to come, plus the policy's growth headroom) and L the per-master clone count (the policy's
 * {@linkplain PlanningPolicy#cloneRatio() ratio} or the array's {@linkplain
 * dev.goldcopy.spi.ArrayCapabilities#maxVirtualCopiesPerSource() per-source limit}, whichever is
 * lower): masters = {@code max(1, ceil(N / L))}, or {@code 1 + ceil(N / L)} when the origin is
 * reserved; one master when nothing limits. A throughput rule (one source serves K concurrent
 * creations) raises it to {@code max(count need, ceil(concurrent creations / K))}. More masters
 * are added when existing ones cannot take their share (a master over a lowered limit). The
 * policy's master cap, the free capacity (a replica costs its image's size, a clone the policy's
 * expected growth) and the array's virtual copy total then bound it; whatever they leave out is
 * listed, VM by VM, in {@link ReplicationPlan#shortfalls()}. The plan never provisions fewer VMs
 * silently.
 *
 * <h2>What the executor can rely on</h2>
 *
 * <ul>
 *   <li>Steps come in an order where every dependency precedes its dependent; step ids are unique
 *       ({@code delete:<name>}, {@code replica:<name>}, {@code clone:<vm>}).
 *   <li>Replicas are named {@code <groupId>-rNNN}, NNN the smallest ordinal no container or VM
 *       uses (a failed replica's name is reused for its remake); clones are named by their VM id.
 *       A name longer than {@link dev.goldcopy.spi.ArrayCapabilities#maxNameLength()} is refused
 *       with {@link IllegalArgumentException}.
 *   <li>Sources and masters are referred to by container name ({@link CreateReplica#sourceName()},
 *       {@link CreateClone#masterName()}).
 *   <li>A master in state {@code COPYING} is a group member: no second replica is planned for it,
 *       and clones may be placed on it (the executor waits for it to be ready). It is a replica
 *       source only when the group has no ready master.
 *   <li>A failed container gets a {@link DeleteContainer} with cause {@code FAILED_COPY}; the
 *       create that remakes it (same name) depends on that deletion.
 *   <li>A VM whose image version changed: its old clone is deleted and the new clone, from the new
 *       version's group, depends on that deletion.
 *   <li>A clone depends on the step that makes its master, if any, on the deletion of its VM's old
 *       clone, if any, and on the deletion that frees its slot when the master (or the array's
 *       virtual copy total) is full until then. So no limit is exceeded at any instant.
 *   <li>Fan-out: a replica made in round r is a source in round r + 1; each master is the source
 *       of at most one copy per round; at most {@link
 *       dev.goldcopy.spi.ArrayCapabilities#maxConcurrentPhysicalCopies()} copies run per round. So
 *       k replicas from one master take {@code ceil(log2(k + 1))} rounds when concurrency allows.
 *   <li>A retired replica's deletion depends on its clones' deletions; the origin, a master with
 *       clones and the source of a copy in progress are never retired. The highest ordinal goes
 *       first.
 *   <li>Idempotent: carrying out every step and planning again gives an empty plan.
 * </ul>
 *
 * <h2>What it refuses or reports</h2>
 *
 * The input's store must be the inventory's store; a demanded image version must have a ready or
 * copying master; VM ids must fit the array's name length and not collide with a master's name.
 * Each violation is an {@link IllegalArgumentException} naming the field. Clones whose source is
 * missing or outside their group, masters over a lowered limit and a choice between several groups
 * holding the same content are kept as they are and reported as {@link Finding}s.
 */
public final class ContainerReplicationPlanner {
  private final PlanningPolicy policy;

  private ContainerReplicationPlanner(PlanningPolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns a planner that follows {@code policy}.
   *
   * @param policy the operator's choices
   * @return the planner
   * @throws NullPointerException if {@code policy} is null
   */
  public static ContainerReplicationPlanner create(PlanningPolicy policy) {
    return new ContainerReplicationPlanner(requireNonNull(policy, "policy"));
  }

  /**
   * Returns the policy this planner follows.
   *
   * @return the policy
   */
  public PlanningPolicy policy() {
    return policy;
  }

  /**
   * Plans one store.
   *
   * @param input the store, its capabilities, inventory and demand
   * @return the plan; empty when the store already matches the demand as far as its limits allow
   * @throws NullPointerException if {@code input} is null
   * @throws IllegalArgumentException naming the field if the input is malformed: another store's
   *     inventory, an unknown image, a name too long for the array, a VM id that names a master
   */
  public ReplicationPlan plan(PlanningInput input) {
    requireNonNull(input, "input");
    return new PlanRun(policy, input).run();
  }
}
