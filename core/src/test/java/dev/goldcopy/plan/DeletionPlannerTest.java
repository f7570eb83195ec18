package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.CopyCosts;
import org.junit.jupiter.api.Test;

class DeletionPlannerTest {

  @Test
  void sortsCloneDeletionsByNameAndQueuesThemPerSource() {
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    Container r1 = store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    store.clone("vm-c", "gold-r001", GOLD, ContainerState.READY);
    store.clone("vm-a", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-b", "gold-r001", GOLD, ContainerState.FAILED);
    StageFixture f = StageFixture.of(store, Demand.none());

    assertThat(f.deletions.cloneDeletes()).extracting(PlanStep::id)
        .containsExactly("delete:vm-a", "delete:vm-b", "delete:vm-c");
    assertThat(f.deletions.pendingOf(r1.id())).containsExactly("delete:vm-b", "delete:vm-c");
    assertThat(f.deletions.pendingOf(f.index.live("gold").get(0).id()))
        .containsExactly("delete:vm-a");
    assertThat(f.deletions.masterDeletes()).isEmpty();
  }

  @Test
  void deletesFailedMastersAfterTheirClonesUnlessAVmStillUsesOne() {
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.FAILED);
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.FAILED);
    store.clone("vm-00001", "gold-r001", GOLD, ContainerState.READY);
    store.clone("vm-gone", "gold-r002", GOLD, ContainerState.READY);
    StageFixture f = StageFixture.of(store, Demand.of(GOLD, "vm", 1));

    assertThat(f.deletions.masterDeletes()).singleElement().satisfies(step -> {
      DeleteContainer d = (DeleteContainer) step;
      assertThat(d.name()).isEqualTo("gold-r002");
      assertThat(d.cause()).isEqualTo(DeleteContainer.Cause.FAILED_COPY);
      assertThat(d.dependsOn()).containsExactly("delete:vm-gone");
    });
    assertThat(f.deletions.failedMasterDelete()).containsOnlyKeys("gold-r002");
    assertThat(f.findings).extracting(Finding::kind, Finding::name).containsExactly(
        tuple(Finding.Kind.CLONE_OUTSIDE_GROUP, "vm-00001"),
        tuple(Finding.Kind.FAILED_MASTER_WITH_CLONES, "gold-r001"));
  }

  @Test
  void creditsTheLedgersWithWhatTheDeletionsFree() {
    ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesTotal(5)
        .totalCapacityBytes(100 * IMAGE).freeCapacityBytes(IMAGE)
        .copyCosts(CopyCosts.thick(1000)).build();
    StoreModel store = StoreModel.withOrigin(caps);
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.FAILED);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00002", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-gone", "gold-origin", GOLD, ContainerState.READY);
    PlanningPolicy policy = PlanningPolicy.builder().expectedCloneGrowthBytes(1000).build();
    StageFixture f = StageFixture.of(policy, store, Demand.of(GOLD, "vm", 2));

    // vm-gone gives back what a clone reserves (1000), not the growth it may have made (1000 more).
    assertThat(f.deletions.capacity().available()).isEqualTo(IMAGE + 1000 + IMAGE);
    // 5 allowed, 2 kept: 3 remain once vm-gone is deleted, 2 of them free now.
    assertThat(f.deletions.arrayTotal().remaining()).isEqualTo(3);
    assertThat(f.deletions.arrayTotal().take()).isEmpty();
    assertThat(f.deletions.arrayTotal().take()).isEmpty();
    assertThat(f.deletions.arrayTotal().take()).containsExactly("delete:vm-gone");
    // The first clone deletion is credited first.
    assertThat(f.deletions.capacity().take(IMAGE + 1)).containsExactly("delete:vm-gone");
  }
}
