package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner's invariants on inventories it did not make: the random stores of the differential
 * test (damaged ones among them: failed copies, missing sources, clones outside their group,
 * several groups per image, odd group names), in which some of the owner's containers are made
 * someone else's (another owner's labels) or hand-made (no labels at all). Whatever the demand and
 * the deletion approval, no plan deletes such a container, clones from a master that is not the
 * origin and not the owner's, or names a shortfall's VM twice. The seed is fixed and printed.
 */
class ForeignInventoryPropertiesTest {
  private static final long SEED = 20261130L;
  private static final int CASES = 1_500;

  @Test
  void noPlanTouchesOrClonesFromWhatItDoesNotOwn() {
    System.out.println("ForeignInventoryPropertiesTest: seed " + SEED + ", " + CASES + " cases");
    Random pick = new Random(SEED);
    int foreignSeen = 0;
    int planned = 0;
    for (int i = 0; i < CASES; i++) {
      long caseSeed = pick.nextLong();
      RandomPlanningCase c = RandomPlanningCase.of(caseSeed);
      Map<ContainerId, Container> foreign = new HashMap<>();
      PlanningInput input = estrange(c.input(), new Random(caseSeed), foreign);
      foreignSeen += foreign.size();
      ReplicationPlan plan;
      try {
        plan = ContainerReplicationPlanner.create(c.policy()).plan(input);
      } catch (IllegalArgumentException | DeletionRefusedException refused) {
        continue; // a refusal touches nothing
      }
      planned++;
      check(plan, input, foreign, "seed " + SEED + ", case " + i + " (RandomPlanningCase.of("
          + caseSeed + "))");
    }
    assertThat(planned).isGreaterThan(CASES / 2);
    assertThat(foreignSeen).isGreaterThan(CASES);
  }

  private static void check(
      ReplicationPlan plan, PlanningInput input, Map<ContainerId, Container> foreign, String where) {
    Set<String> foreignNames = new HashSet<>();
    foreign.values().forEach(f -> foreignNames.add(f.name()));
    Set<String> ownedOrOrigin = new HashSet<>();
    for (Container m : input.inventory().containers()) {
      if (m.isMaster() && (m.isOrigin() || !foreign.containsKey(m.id()))) {
        ownedOrOrigin.add(m.name());
      }
    }
    for (PlanStep step : plan.steps()) {
      if (step instanceof DeleteContainer d) {
        assertThat(foreign).as(where + ": deletes " + d.name()).doesNotContainKey(d.container());
      } else if (step instanceof CreateClone clone) {
        assertThat(foreignNames).as(where + ": clone " + clone.name() + " takes a foreign name")
            .doesNotContain(clone.name());
        boolean newReplica = plan.steps().stream()
            .anyMatch(s -> s instanceof CreateReplica r && r.name().equals(clone.masterName()));
        assertThat(newReplica || ownedOrOrigin.contains(clone.masterName()))
            .as(where + ": clone " + clone.name() + " from " + clone.masterName()).isTrue();
      } else if (step instanceof CreateReplica replica) {
        assertThat(foreignNames).as(where + ": replica takes a foreign name")
            .doesNotContain(replica.name());
      }
    }
    Set<VmId> shortVms = new HashSet<>();
    for (Shortfall s : plan.shortfalls()) {
      for (VmId vm : s.vms()) {
        assertThat(shortVms.add(vm)).as(where + ": " + vm + " short twice").isTrue();
      }
    }
  }

  /** Makes about one container in five (never the origin) another owner's or hand-made. */
  private static PlanningInput estrange(
      PlanningInput input, Random r, Map<ContainerId, Container> foreign) {
    List<Container> containers = new ArrayList<>();
    for (Container c : input.inventory().containers()) {
      if (!c.isOrigin() && r.nextInt(5) == 0) {
        Labels labels =
            r.nextBoolean()
                ? Labels.empty()
                : c.labels().with(Ownership.OWNER, "someone-else");
        Container f =
            new Container(c.id(), c.name(), c.kind(), c.content(), c.group(), c.source(),
                c.store(), c.sizeBytes(), c.state(), labels);
        foreign.put(f.id(), f);
        containers.add(f);
      } else {
        containers.add(c);
      }
    }
    return new PlanningInput(
        input.store(),
        input.capabilities(),
        new Inventory(input.inventory().store(), containers),
        input.demand(),
        r.nextBoolean() ? DeletionApproval.all() : input.deletionApproval());
  }
}
