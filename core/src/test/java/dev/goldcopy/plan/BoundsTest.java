package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import org.junit.jupiter.api.Test;

/** Sizes and counts at the edge become clear errors or shortfalls, never a crash or an OOM. */
class BoundsTest {

  @Test
  void aDemandLargerThanTheDocumentedMaximumIsRefusedBeforeAllocating() {
    assertThatThrownBy(() -> Demand.of(GOLD, "vm", Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5000000");
  }

  @Test
  void anImageOfTheLargestSizeIsACapacityShortfallNotACrash() {
    ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesPerSource(2)
        .totalCapacityBytes(Long.MAX_VALUE).freeCapacityBytes(Long.MAX_VALUE / 2).build();
    StoreModel store = new StoreModel(caps);
    store.master("huge", "huge-origin", GOLD, null, ContainerState.READY);
    // The origin's size comes from the model; replace it by the largest one.
    ReplicationPlan plan = ContainerReplicationPlanner.create(PlanningPolicy.defaults())
        .plan(new PlanningInput(StoreModel.STORE, caps,
            new dev.goldcopy.spi.Inventory(StoreModel.STORE, java.util.List.of(
                new dev.goldcopy.spi.Container(dev.goldcopy.spi.ContainerId.of("h"), "huge-origin",
                    dev.goldcopy.spi.ContainerKind.PHYSICAL_MASTER, GOLD, dev.goldcopy.spi.GroupId.of("huge"),
                    null, StoreModel.STORE, Long.MAX_VALUE, ContainerState.READY))),
            Demand.of(GOLD, "vm", 5)));

    assertThat(plan.steps()).noneMatch(s -> s instanceof CreateReplica);
    assertThat(plan.shortfalls()).singleElement()
        .satisfies(sf -> assertThat(sf.limit()).isEqualTo(Shortfall.Limit.CAPACITY));
  }
}
