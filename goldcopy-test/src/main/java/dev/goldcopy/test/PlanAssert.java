package dev.goldcopy.test;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.Finding;
import dev.goldcopy.plan.GroupSizing;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.spi.Inventory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link ReplicationPlan}; start them with {@link
 * GoldcopyAssertions#assertThat(ReplicationPlan)}. Each failure says what the plan does instead
 * and ends with the plan's {@code explain()}.
 */
public final class PlanAssert extends AbstractAssert<PlanAssert, ReplicationPlan> {

  PlanAssert(ReplicationPlan actual) {
    super(actual, PlanAssert.class);
  }

  /**
   * Checks the masters (origin and replicas) all groups have once the plan is carried out.
   *
   * @param expected the masters
   * @return this
   */
  public PlanAssert hasMastersAfter(int expected) {
    isNotNull();
    int masters = actual.sizing().stream().mapToInt(GroupSizing::mastersAfter).sum();
    return check(masters == expected, "%d master(s) after the plan", expected, masters);
  }

  /**
   * Checks the replicas the plan makes.
   *
   * @param expected the replicas
   * @return this
   */
  public PlanAssert makesReplicas(int expected) {
    isNotNull();
    int n = actual.replicaSteps().size();
    return check(n == expected, "%d new replica(s)", expected, n);
  }

  /**
   * Checks the clones the plan makes.
   *
   * @param expected the clones
   * @return this
   */
  public PlanAssert makesClones(int expected) {
    isNotNull();
    int n = actual.cloneSteps().size();
    return check(n == expected, "%d new clone(s)", expected, n);
  }

  /**
   * Checks the new clones per master, by master name, exactly.
   *
   * @param expected new clones per master name; masters taking none left out
   * @return this
   */
  public PlanAssert placesPerMaster(Map<String, Integer> expected) {
    isNotNull();
    Map<String, Integer> placed = actual.newClonesPerMaster();
    return check(placed.equals(expected), "new clones per master %s", expected, placed);
  }

  /**
   * Checks that no master holds more than {@code max} clones once the plan is carried out on
   * {@code before}.
   *
   * @param max the most clones per master
   * @param before the inventory the plan was made from
   * @return this
   */
  public PlanAssert hasNoMasterAbove(int max, Inventory before) {
    isNotNull();
    Map<String, Integer> after = actual.clonesPerMaster(before);
    int most = after.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return check(most <= max, "no master above %d clone(s); clones per master after: "
        + after, max, most);
  }

  /**
   * Checks the replicas the plan retires.
   *
   * @param expected the retirements
   * @return this
   */
  public PlanAssert retiresReplicas(int expected) {
    isNotNull();
    int n = actual.deleteSteps(DeleteContainer.Cause.REPLICA_RETIRED).size();
    return check(n == expected, "%d retired replica(s)", expected, n);
  }

  /**
   * Checks the deletions of {@code cause}.
   *
   * @param cause the cause
   * @param expected the deletions
   * @return this
   */
  public PlanAssert deletes(DeleteContainer.Cause cause, int expected) {
    isNotNull();
    int n = actual.deleteSteps(cause).size();
    return check(n == expected, "%d deletion(s) of cause " + cause, expected, n);
  }

  /**
   * Checks that the plan deletes nothing.
   *
   * @return this
   */
  public PlanAssert deletesNothing() {
    isNotNull();
    int n = actual.deleteSteps().size();
    return check(n == 0, "no deletion (%d)", 0, n);
  }

  /**
   * Checks that no VM moves: no clone is deleted for a VM that gets a new clone in the same plan.
   *
   * @return this
   */
  public PlanAssert movesNothing() {
    isNotNull();
    Set<String> deleted = new HashSet<>();
    for (DeleteContainer d : actual.deleteSteps(DeleteContainer.Cause.VM_REMOVED)) {
      deleted.add(d.name());
    }
    List<String> moved =
        actual.cloneSteps().stream().map(CreateClone::name).filter(deleted::contains).toList();
    return check(moved.isEmpty(), "no VM moved (%d)", 0, moved.size());
  }

  /**
   * Checks that no step deletes the container named {@code name}.
   *
   * @param name a container's name, such as the origin's
   * @return this
   */
  public PlanAssert neverDeletes(String name) {
    isNotNull();
    long n = actual.deleteSteps().stream().filter(d -> d.name().equals(name)).count();
    return check(n == 0, "no deletion of " + name + " (%d)", 0, n);
  }

  /**
   * Checks that the plan leaves {@code vms} VMs short, over every shortfall of {@code limit}.
   *
   * @param limit the limit that binds
   * @param vms the VMs left short by it
   * @return this
   */
  public PlanAssert isShortBy(Shortfall.Limit limit, int vms) {
    isNotNull();
    int n = actual.vmsShort(limit);
    return check(n == vms, "%d VM(s) short by " + limit, vms, n);
  }

  /**
   * Checks that the plan meets the whole demand.
   *
   * @return this
   */
  public PlanAssert hasNoShortfall() {
    isNotNull();
    int n = actual.summary().vmsShort();
    return check(n == 0, "no VM short (%d)", 0, n);
  }

  /**
   * Checks that the plan reports a finding of {@code kind}.
   *
   * @param kind the kind
   * @return this
   */
  public PlanAssert hasFinding(Finding.Kind kind) {
    isNotNull();
    long n = actual.findings().stream().filter(f -> f.kind() == kind).count();
    return check(n > 0, "a finding " + kind + " (%d)", 1, n);
  }

  /**
   * Checks that the plan keeps every limit of {@code input}: clones per master within the array's
   * per-source limit (masters already above it take none), the virtual copy total, and capacity.
   *
   * @param input the input the plan was made from
   * @return this
   */
  public PlanAssert staysWithinLimits(PlanningInput input) {
    isNotNull();
    String broken = PlanLimits.broken(actual, input);
    return check(broken.isEmpty(), "every limit kept%s", "", broken);
  }

  /**
   * Checks the plan's {@code explain()} against a golden file (see {@link GoldenFiles}).
   *
   * @param goldenFile the file's name under {@link GoldenFiles#DIRECTORY}
   * @return this
   */
  public PlanAssert explainsAsIn(String goldenFile) {
    isNotNull();
    GoldenFiles.assertMatches(goldenFile, actual.explain());
    return this;
  }

  private PlanAssert check(boolean ok, String what, Object expected, Object was) {
    if (!ok) {
      failWithMessage("Expected the plan to have " + what.replace("%d", "%s")
          + " but it has %s.%nThe plan:%n%s", expected, was, actual.explain());
    }
    return this;
  }
}
