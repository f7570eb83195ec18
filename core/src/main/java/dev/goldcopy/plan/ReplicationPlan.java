package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import java.util.SortedMap;

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
 * @param findings inventory anomalies left in place and reported, and policy rules the plan could
 *     not follow as written
 * @param capacity what the plan does to the store's free capacity
 */
public record ReplicationPlan(
    StoreRef store,
    List<PlanStep> steps,
    List<Shortfall> shortfalls,
    List<GroupSizing> sizing,
    List<Finding> findings,
    CapacityPreview capacity) {

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
    requireNonNull(capacity, "capacity");
  }

  /**
   * Makes a plan with no capacity preview ({@link CapacityPreview#UNKNOWN}).
   *
   * @param store the tenant and store the plan is for
   * @param steps the steps; each one's dependencies come before it
   * @param shortfalls the demand this plan cannot meet, by limit
   * @param sizing how each replica group was sized, in content order
   * @param findings inventory anomalies left in place and reported
   * @throws NullPointerException if a part is null
   */
  public ReplicationPlan(StoreRef store, List<PlanStep> steps, List<Shortfall> shortfalls,
      List<GroupSizing> sizing, List<Finding> findings) {
    this(store, steps, shortfalls, sizing, findings, CapacityPreview.UNKNOWN);
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
    this(store, steps, shortfalls, List.of(), List.of(), CapacityPreview.UNKNOWN);
  }

  /**
   * Returns the replicas the plan makes, in plan order.
   *
   * @return the {@link CreateReplica} steps
   */
  public List<CreateReplica> replicaSteps() {
    return PlanViews.ofType(steps, CreateReplica.class);
  }

  /**
   * Returns the clones the plan makes, in plan order.
   *
   * @return the {@link CreateClone} steps
   */
  public List<CreateClone> cloneSteps() {
    return PlanViews.ofType(steps, CreateClone.class);
  }

  /**
   * Returns the deletions of every cause, in plan order.
   *
   * @return the {@link DeleteContainer} steps
   */
  public List<DeleteContainer> deleteSteps() {
    return PlanViews.ofType(steps, DeleteContainer.class);
  }

  /**
   * Returns the deletions of one cause, in plan order: {@code deleteSteps(REPLICA_RETIRED)} are
   * the retirements.
   *
   * @param cause the cause
   * @return the {@link DeleteContainer} steps of that cause
   */
  public List<DeleteContainer> deleteSteps(DeleteContainer.Cause cause) {
    requireNonNull(cause, "cause");
    return deleteSteps().stream().filter(d -> d.cause() == cause).toList();
  }

  /**
   * Returns the new clones each master takes, keyed by the master's container name (as {@link
   * CreateClone#masterName()} and {@link dev.goldcopy.spi.Container#name()} give it).
   *
   * @return clones to make per master name, sorted by name; masters taking none are absent
   */
  public SortedMap<String, Integer> newClonesPerMaster() {
    return PlanViews.newClonesPerMaster(this);
  }

  /**
   * Returns the clones each master holds once the plan is carried out on {@code before}: the
   * inventory's clones (resolved from their source ids to the master's name), less the deleted,
   * plus the new, for every master the store keeps or the plan makes, keyed by container name.
   *
   * @param before the inventory the plan was made from
   * @return clones per master name after the plan, sorted by name; a master with none maps to 0
   * @throws NullPointerException if {@code before} is null
   */
  public SortedMap<String, Integer> clonesPerMaster(Inventory before) {
    requireNonNull(before, "before");
    return PlanViews.clonesPerMasterAfter(this, before);
  }

  /**
   * Counts the VMs left short by {@code limit}, over every image version.
   *
   * @param limit the limit
   * @return the VMs without a clone because of it
   */
  public int vmsShort(Shortfall.Limit limit) {
    requireNonNull(limit, "limit");
    int n = 0;
    for (Shortfall s : shortfalls) {
      if (s.limit() == limit) {
        n += s.vms().size();
      }
    }
    return n;
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
   * Returns the plan's canonical account, for an operator to read and for golden-file tests to
   * compare. The form is promised within a major version: its first line names the format
   * version, and a change of form raises it.
   *
   * <p>Format 1, one item a line, {@code \n} line ends, sections in this order and left out when
   * empty (the first four lines excepted):
   *
   * <pre>
   * Goldcopy plan, format 1
   * Store: &lt;tenant&gt;/&lt;store&gt;
   * Summary: R replica(s) in K copy round(s), C clone(s), D deletion(s); &lt;size&gt; to copy[; S VM(s) short].
   *          (or "Summary: nothing to do[; S VM(s) short].")
   * Capacity: &lt;size&gt; free; the plan takes &lt;size&gt; and gives back &lt;size&gt;; &lt;size&gt; free after.
   *          (left out for a plan assembled by hand)
   * Sizing:
   *   &lt;image@version&gt;, group &lt;group&gt;: N, L, the rule and its numbers, the masters that exist,
   *   are made and retired, why surplus masters are kept, which limit bound
   * Placement:
   *   &lt;image@version&gt;: C new clone(s) on M master(s), a to b each: &lt;master&gt; &lt;n&gt;, ...
   * Copies:
   *   round r: &lt;source&gt; -&gt; &lt;replica&gt;, ...
   * Retirements:
   *   &lt;replica&gt;: &lt;reason&gt;
   * Deletions:
   *   n &lt;cause, in words&gt;   (clone and failed-copy deletions; retirements are listed above)
   * Shortfalls:
   *   SHORT &lt;image@version&gt; by n VM(s), limit &lt;LIMIT&gt;: &lt;reason&gt; Left out: &lt;vm&gt;, ....
   * Findings:
   *   &lt;KIND&gt; &lt;name&gt;: &lt;detail&gt;
   * </pre>
   *
   * Sizes are in binary units with one decimal ({@code 40.0 GiB}, {@code 256.0 MiB}; {@code B}
   * below 1 KiB; {@code unlimited} for a store that reports no bound), never raw byte counts. A list
   * names its first 8 entries, then says {@code and n more}. Each shortfall appears once, in
   * Shortfalls; the sizing line names its count and limit. The text depends on the plan alone: the
   * same on every run, JVM and locale.
   *
   * @return the account, several lines, each ending in a line feed
   */
  public String explain() {
    return PlanExplainer.explain(this);
  }
}
