package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.GroupId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The sizing formula of the planner's javadoc, term by term. */
class GroupSizerTest {
  private static final Container ORIGIN = master("gold-origin", null, IMAGE);
  private static final Container REPLICA = master("gold-r001", ORIGIN.id(), 2 * IMAGE);

  private static Container master(String name, @Nullable ContainerId source, long size) {
    return new Container(ContainerId.of(name), name, ContainerKind.PHYSICAL_MASTER, GOLD,
        GroupId.of("gold"), source, StoreModel.STORE, size, ContainerState.READY);
  }

  private static ArrayCapabilities limit(int perSource) {
    return ArrayCapabilities.builder().maxVirtualCopiesPerSource(perSource).build();
  }

  @Test
  void countNeedIsMaxOneCeilNOverL() {
    GroupSizer.GroupTarget t =
        GroupSizer.size(PlanningPolicy.defaults(), limit(8), List.of(ORIGIN), 100, 100);

    assertThat(t.soft()).isEqualTo(8);
    assertThat(t.countNeed()).isEqualTo(13);
    assertThat(t.throughputNeed()).isZero();
    assertThat(t.target()).isEqualTo(13);
    assertThat(GroupSizer.size(PlanningPolicy.defaults(), limit(8), List.of(ORIGIN), 0, 0)
        .countNeed()).as("max(1, 0)").isEqualTo(1);
    assertThat(GroupSizer.size(PlanningPolicy.defaults(), limit(0), List.of(ORIGIN), 5000, 5000)
        .countNeed()).as("no limit").isEqualTo(1);
  }

  @Test
  void theLowerOfRatioAndLimitIsLAndHeadroomGrowsN() {
    PlanningPolicy policy =
        PlanningPolicy.builder().cloneRatio(5).growthHeadroomPercent(25).build();

    GroupSizer.GroupTarget t = GroupSizer.size(policy, limit(8), List.of(ORIGIN), 10, 4);

    assertThat(t.soft()).isEqualTo(5);
    assertThat(t.hard()).isEqualTo(8);
    assertThat(t.sizedN()).isEqualTo(10 + 3); // ceil(10 * 25 / 100)
    assertThat(t.countNeed()).isEqualTo(3); // ceil(13 / 5)
    assertThat(t.perNewSoft()).isEqualTo(5);
    assertThat(t.perNewHard()).isEqualTo(8);
    assertThat(GroupSizer.size(policy, limit(3), List.of(ORIGIN), 10, 4).soft()).isEqualTo(3);
    assertThat(GroupSizer.size(PlanningPolicy.defaults(), limit(0), List.of(ORIGIN), 1, 1)
        .perNewSoft()).isEqualTo(PlanMath.UNBOUNDED);
  }

  @Test
  void aReservedOriginCountsApartAndTheThroughputRuleCanBind() {
    PlanningPolicy policy = PlanningPolicy.builder().originServesClones(false)
        .maxConcurrentCreationsPerSource(10).build();
    ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesPerSource(50)
        .maxConcurrentVirtualCopies(45).build();

    GroupSizer.GroupTarget t = GroupSizer.size(policy, caps, List.of(ORIGIN, REPLICA), 60, 60);

    assertThat(t.reserved()).isTrue();
    assertThat(t.countNeed()).isEqualTo(1 + 2); // 1 + ceil(60 / 50)
    assertThat(t.concurrent()).isEqualTo(45);
    assertThat(t.throughputNeed()).isEqualTo(5 + 1); // ceil(45 / 10) + the reserved origin
    assertThat(t.target()).isEqualTo(6);
    assertThat(t.image()).as("the largest master").isEqualTo(2 * IMAGE);
    assertThat(GroupSizer.size(policy, caps, List.of(REPLICA), 60, 60).reserved())
        .as("nothing to reserve without an origin").isFalse();
  }

  @Test
  void theNoteGivesTheNumbers() {
    PlanningPolicy policy = PlanningPolicy.builder().originServesClones(false)
        .maxConcurrentCreationsPerSource(10).growthHeadroomPercent(10).cloneRatio(20).build();
    GroupSizer.GroupTarget t = GroupSizer.size(policy, limit(50), List.of(ORIGIN), 100, 90);

    assertThat(GroupSizer.note(t, 10, 1, 9, 0)).isEqualTo(
        "N = 100 VM(s) (10 provisioned, 90 to come), sized for 110 with 10% headroom;"
            + " L = 20 (policy clone ratio; array limit 50); count need 1 + ceil(110 / 20) = 7"
            + " (the origin is reserved as a pristine source); throughput need"
            + " ceil(90 concurrent / 10) + 1 = 10. Masters: 1 exist, 9 new replica(s) -> 10."
            + " Throughput bound.");
    GroupSizer.GroupTarget free =
        GroupSizer.size(PlanningPolicy.defaults(), limit(0), List.of(ORIGIN), 3, 0);
    assertThat(GroupSizer.note(free, 0, 3, 0, 2)).isEqualTo(
        "N = 3 VM(s) (3 provisioned, 0 to come); no per-source limit, so one master serves them"
            + " all. Masters: 3 exist, 2 retired -> 1.");
  }
}
