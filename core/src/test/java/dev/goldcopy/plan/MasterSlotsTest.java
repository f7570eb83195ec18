package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MasterSlotsTest {
  private static ArrayCapabilities limit(int perSource) {
    return ArrayCapabilities.builder().maxVirtualCopiesPerSource(perSource).build();
  }

  private static Demand.Builder keep(Demand.Builder b, String prefix, int count) {
    for (int i = 1; i <= count; i++) {
      b.add(VmId.of(String.format(Locale.ROOT, "%s-%05d", prefix, i)), GOLD);
    }
    return b;
  }

  @Test
  void opensASlotPerMasterWithItsFreeRoomAndReportsMastersOverTheLimit() {
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.master("gold", "gold-r001", GOLD, "gold-origin", ContainerState.READY);
    for (int i = 1; i <= 6; i++) {
      store.clone(String.format(Locale.ROOT, "vm-%05d", i), "gold-origin", GOLD,
          ContainerState.READY);
    }
    store.clone("vm-00007", "gold-r001", GOLD, ContainerState.READY);
    StageFixture f = StageFixture.of(store, keep(keep(Demand.builder(), "vm", 7), "new", 3)
        .build());
    GroupScope g = f.group(GOLD);

    MasterSlots.open(f.run, g);

    assertThat(g.slots).extracting(s -> s.name, s -> s.load, s -> s.softCap, s -> s.hardCap)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gold-origin", 6L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("gold-r001", 1L, 3L, 3L));
    assertThat(g.availSoft).isEqualTo(3);
    assertThat(g.availHard).isEqualTo(3);
    assertThat(g.newMasters).as("ceil(10 / 4) = 3 masters, 2 exist").isEqualTo(1);
    assertThat(g.extraNote).isEmpty();
    assertThat(f.findings).singleElement().satisfies(finding -> {
      assertThat(finding.kind()).isEqualTo(Finding.Kind.MASTER_OVER_LIMIT);
      assertThat(finding.name()).isEqualTo("gold-origin");
    });
  }

  @Test
  void addsMastersWhenTheExistingOnesCannotTakeTheirShare() {
    // The origin is full of clones of VMs that run the other image version.
    StoreModel store = StoreModel.withOrigin(limit(4));
    store.master("gold2", "gold2-origin", GOLD2, null, ContainerState.READY);
    Demand.Builder demand = Demand.builder();
    for (int i = 1; i <= 4; i++) {
      String vm = "other-" + i;
      store.clone(vm, "gold-origin", GOLD2, ContainerState.READY);
      demand.add(VmId.of(vm), GOLD2);
    }
    StageFixture f = StageFixture.of(store, keep(demand, "vm", 4).build());
    GroupScope g = f.group(GOLD);

    MasterSlots.open(f.run, g);

    assertThat(g.target.target()).isEqualTo(1);
    assertThat(g.availSoft).isZero();
    assertThat(g.newMasters).isEqualTo(1);
    assertThat(g.extraNote).contains("1 more master(s) because the existing ones cannot take");
  }

  @Test
  void aReservedOriginTakesNoNewClone() {
    StoreModel store = StoreModel.withOrigin(limit(0));
    PlanningPolicy reserved = PlanningPolicy.builder().originServesClones(false).build();
    StageFixture f = StageFixture.of(reserved, store, Demand.of(GOLD, "vm", 3));
    GroupScope g = f.group(GOLD);

    MasterSlots.open(f.run, g);

    assertThat(g.slots).singleElement().satisfies(s -> {
      assertThat(s.softCap).isZero();
      assertThat(s.hardCap).isZero();
    });
    assertThat(g.newMasters).as("1 + ceil(3 / unbounded)").isEqualTo(1);
  }
}
