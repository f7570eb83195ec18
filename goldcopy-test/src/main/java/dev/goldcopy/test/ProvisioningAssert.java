package dev.goldcopy.test;

import dev.goldcopy.execute.Outcome;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Provisioning} run; start them with {@link
 * GoldcopyAssertions#assertThat(Provisioning)}. Each failure names the run's seed.
 */
public final class ProvisioningAssert extends AbstractAssert<ProvisioningAssert, Provisioning> {

  ProvisioningAssert(Provisioning actual) {
    super(actual, ProvisioningAssert.class);
  }

  /**
   * Checks that the run ended with every step done.
   *
   * @return this
   */
  public ProvisioningAssert succeeded() {
    isNotNull();
    Outcome o = actual.result().outcome();
    return check(o == Outcome.SUCCEEDED, "outcome %s", Outcome.SUCCEEDED, o);
  }

  /**
   * Checks the clones the store holds after the run.
   *
   * @param vms the clones
   * @return this
   */
  public ProvisioningAssert hasClones(long vms) {
    isNotNull();
    return check(actual.clonesAfter() == vms, "%s clone(s) after", vms, actual.clonesAfter());
  }

  /**
   * Checks the masters (origin and replicas) the store holds after the run.
   *
   * @param masters the masters
   * @return this
   */
  public ProvisioningAssert hasMasters(long masters) {
    isNotNull();
    return check(actual.mastersAfter() == masters, "%s master(s) after", masters,
        actual.mastersAfter());
  }

  /**
   * Checks the replicas the run made.
   *
   * @param expected the replicas
   * @return this
   */
  public ProvisioningAssert madeReplicas(int expected) {
    isNotNull();
    int n = actual.result().totals().replicasMade();
    return check(n == expected, "%s replica(s) made", expected, n);
  }

  /**
   * Checks the containers the run deleted.
   *
   * @param expected the deletions
   * @return this
   */
  public ProvisioningAssert deleted(int expected) {
    isNotNull();
    int n = actual.result().totals().deletions();
    return check(n == expected, "%s deletion(s)", expected, n);
  }

  /**
   * Checks that no clone moved: every clone the store held before and still holds after sits on
   * the same master.
   *
   * @return this
   */
  public ProvisioningAssert movedNothing() {
    isNotNull();
    Map<String, ContainerId> sourceBefore = new TreeMap<>();
    for (Container c : actual.before().containers()) {
      if (!c.isMaster()) {
        sourceBefore.put(c.name(), Objects.requireNonNull(c.source()));
      }
    }
    long moved = actual.after().containers().stream()
        .filter(c -> !c.isMaster() && sourceBefore.containsKey(c.name()))
        .filter(c -> !Objects.equals(sourceBefore.get(c.name()), c.source())
            || actual.before().findByName(c.name()).map(b -> !b.id().equals(c.id())).orElse(false))
        .count();
    return check(moved == 0, "no clone moved (%s)", 0, moved);
  }

  /**
   * Checks that no master holds more than {@code max} clones after the run.
   *
   * @param max the most clones per master
   * @return this
   */
  public ProvisioningAssert hasNoMasterAbove(int max) {
    isNotNull();
    Map<ContainerId, Integer> load = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    for (Container c : actual.after().containers()) {
      ContainerId source = c.source();
      if (!c.isMaster() && source != null) {
        load.merge(source, 1, Integer::sum);
      }
    }
    int most = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return check(most <= max, "no master above %s clone(s)", max, most);
  }

  /**
   * Checks that the simulated array saw no declared limit exceeded, at any instant.
   *
   * @return this
   */
  public ProvisioningAssert exceededNoLimit() {
    isNotNull();
    int n = actual.records().limitViolations().size();
    return check(n == 0, "no limit exceeded (%s)", 0, actual.records().limitViolations());
  }

  /**
   * Checks that the origin is as it was and no call deleted it.
   *
   * @return this
   */
  public ProvisioningAssert leftOriginPristine() {
    isNotNull();
    return check(actual.originUntouched(), "the origin %s untouched", actual.origin().name(),
        "changed or deleted");
  }

  /**
   * Checks that the run took at most {@code budget} of simulated time.
   *
   * @param budget the simulated time allowed
   * @return this
   */
  public ProvisioningAssert finishedWithin(Duration budget) {
    isNotNull();
    return check(actual.elapsed().compareTo(budget) <= 0, "finished within %s", budget,
        actual.elapsed());
  }

  /**
   * Checks the VMs left short by {@code limit} in the run's last plan.
   *
   * @param limit the limit
   * @param vms the VMs left short by it
   * @return this
   */
  public ProvisioningAssert isShortBy(Shortfall.Limit limit, int vms) {
    isNotNull();
    int n = actual.result().shortfalls().stream().filter(s -> s.limit() == limit)
        .mapToInt(s -> s.vms().size()).sum();
    return check(n == vms, "%s VM(s) short by " + limit, vms, n);
  }

  /**
   * Checks that the run left exactly the free capacity {@code plan} previewed.
   *
   * @param plan the plan made before the run, from the same store
   * @return this
   */
  public ProvisioningAssert usedCapacityAsPreviewed(ReplicationPlan plan) {
    isNotNull();
    long previewed = plan.capacity().freeAfter();
    return check(actual.freeBytesAfter() == previewed, "%s bytes free after, as previewed",
        previewed, actual.freeBytesAfter());
  }

  private ProvisioningAssert check(boolean ok, String what, Object expected, Object was) {
    if (!ok) {
      failWithMessage("Expected the run (seed %s) to have " + what + " but it has %s.",
          actual.seed(), expected, was);
    }
    return this;
  }
}
