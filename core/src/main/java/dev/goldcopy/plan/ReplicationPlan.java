package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.StoreRef;
import java.util.List;

/**
 * What to do to one store, and why: the steps, in an order that respects their dependencies, and
 * the demand left unmet. Immutable; print it, diff it, approve it, execute it.
 *
 * <p>Plans made by {@link ContainerReplicationPlanner} keep these promises: every step's
 * dependencies come before it in {@link #steps()}; step ids are unique; containers are named
 * deterministically (a replica {@code <groupId>-rNNN}, a clone after its VM id), and sources and
 * masters are referred to by name.
 *
 * @param store the tenant and store the plan is for
 * @param steps the steps; each one's dependencies come before it
 * @param shortfalls the demand this plan cannot meet, by limit
 * @param sizing how each replica group was sized, in content order
 * @param findings inventory anomalies left in place and reported
 */
public record ReplicationPlan(
    StoreRef store,
    List<PlanStep> steps,
    List<Shortfall> shortfalls,
    List<GroupSizing> sizing,
    List<Finding> findings) {

  /**
   * Checks the parts and takes immutable copies.
   *
   * @throws NullPointerException if a part is null
   */
  public ReplicationPlan {
    requireNonNull(store, "store");
    steps = List.copyOf(steps);
    shortfalls = List.copyOf(shortfalls);
    sizing = List.copyOf(sizing);
    findings = List.copyOf(findings);
  }

  /**
   * Makes a plan with no sizing account and no findings, for plans assembled by hand.
   *
   * @param store the tenant and store the plan is for
   * @param steps the steps; each one's dependencies come before it
   * @param shortfalls the demand this plan cannot meet, by limit
   * @throws NullPointerException if a part is null
   */
  public ReplicationPlan(StoreRef store, List<PlanStep> steps, List<Shortfall> shortfalls) {
    this(store, steps, shortfalls, List.of(), List.of());
  }

  /**
   * Returns whether there is nothing to do: the store is already as the demand wants it (or as
   * close as its limits allow).
   *
   * @return true if the plan has no steps
   */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * Counts the plan's steps, bytes, copy rounds, short VMs and findings.
   *
   * @return the counts
   */
  public PlanSummary summary() {
    int replicas = 0;
    int clones = 0;
    int deletions = 0;
    long bytes = 0;
    int rounds = 0;
    for (PlanStep step : steps) {
      if (step instanceof CreateReplica r) {
        replicas++;
        bytes += r.sizeBytes();
        rounds = Math.max(rounds, r.round());
      } else if (step instanceof CreateClone) {
        clones++;
      } else {
        deletions++;
      }
    }
    int shortVms = 0;
    for (Shortfall s : shortfalls) {
      shortVms += s.vms().size();
    }
    return new PlanSummary(
        replicas, clones, deletions, bytes, rounds, shortVms, findings.size());
  }

  /**
   * Returns a short account an operator can read: how N and L gave each group's master count,
   * which limit bound, what is short, what is odd in the inventory, and what the steps do.
   *
   * @return the account, several lines
   */
  public String explain() {
    return PlanExplainer.explain(this);
  }
}
