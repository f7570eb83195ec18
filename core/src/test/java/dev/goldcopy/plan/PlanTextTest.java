package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's text form: stable, read back equal, and refused when cut short or altered. */
class PlanTextTest {
  private static final ContentId GOLD = ContentId.of("win11", "2026.11");

  @Test
  void everyPlannedCaseReadsBackEqualAndWritesTheSameText() {
    int planned = 0;
    int withSteps = 0;
    for (long seed = 0; seed < 2_000; seed++) {
      RandomPlanningCase c = RandomPlanningCase.of(seed);
      ReplicationPlan plan;
      try {
        plan = ContainerReplicationPlanner.create(c.policy()).plan(c.input());
      } catch (RuntimeException refused) {
        continue;
      }
      planned++;
      if (!plan.steps().isEmpty()) {
        withSteps++;
      }
      String text = PlanText.write(plan);
      ReplicationPlan back = PlanText.read(text);
      assertThat(back).as("seed %d", seed).isEqualTo(plan);
      assertThat(PlanText.write(back)).as("seed %d", seed).isEqualTo(text);
      assertThat(PlanText.fingerprint(back)).isEqualTo(PlanText.fingerprint(plan));
    }
    assertThat(planned).isGreaterThan(1_000);
    assertThat(withSteps).isGreaterThan(500);
  }

  @Test
  void awkwardTextsSurviveTheRoundTrip() {
    ReplicationPlan plan = awkward();
    assertThat(PlanText.read(PlanText.write(plan))).isEqualTo(plan);
    assertThat(PlanText.write(plan)).startsWith(PlanText.HEADER + "\n").doesNotContain("\r");
  }

  @Test
  void aCutOrAlteredTextIsRefusedNamingTheLine() {
    String text = PlanText.write(awkward());
    String cut = text.substring(0, text.lastIndexOf("clone"));
    assertThatThrownBy(() -> PlanText.read(cut)).isInstanceOf(IllegalArgumentException.class);
    String dropped = text.replaceFirst("(?m)^finding .*\n", "");
    assertThatThrownBy(() -> PlanText.read(dropped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short or altered");
    String badCause = text.replace(" VM_REMOVED ", " VM_GONE ");
    assertThatThrownBy(() -> PlanText.read(badCause))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4");
    assertThatThrownBy(() -> PlanText.read(text.replace(PlanText.HEADER, "goldcopy-plan 2")))
        .hasMessageContaining("line 1");
  }

  @Test
  void aChangedStepChangesTheFingerprint() {
    ReplicationPlan plan = awkward();
    ReplicationPlan other =
        new ReplicationPlan(plan.store(), plan.steps().subList(0, 2), plan.shortfalls(),
            plan.sizing(), plan.findings());
    assertThat(PlanText.fingerprint(other)).isNotEqualTo(PlanText.fingerprint(plan)).hasSize(64);
  }

  /** A plan with spaces, percent signs, commas, line ends, non-ASCII and empty texts in it. */
  static ReplicationPlan awkward() {
    CreateReplica r =
        new CreateReplica("r1", "gold-r001", "golden win11 %", GroupId.of("gold"), GOLD, 40L << 30, 1,
            List.of(), "needed, for\n40 VMs é");
    CreateClone c =
        new CreateClone("c1", "vm-1", VmId.of("vm-1"), "gold-r001", GOLD, List.of("r1", "d1"), "");
    DeleteContainer d =
        new DeleteContainer("d1", ContainerId.of("id 7"), "vm-old", DeleteContainer.Cause.VM_REMOVED,
            List.of(), "removed");
    Shortfall s =
        new Shortfall(GOLD, Shortfall.Limit.CAPACITY, List.of(VmId.of("vm-2"), VmId.of("vm-3")),
            "no room: 0 B free");
    GroupSizing g = new GroupSizing(GOLD, GroupId.of("gold"), 3, 1, 2, 2, 0, 2, 1, 1, 0, "N=3, L=2");
    Finding f = new Finding(Finding.Kind.SEVERAL_GROUPS, "gold", "two groups; chose gold");
    return new ReplicationPlan(
        StoreRef.of("acme", "pool-1"), List.of(d, r, c), List.of(s), List.of(g), List.of(f));
  }
}
