package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.NameRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaNamerTest {
  private static final GroupId GROUP = GroupId.of("gold");

  private static ReplicaNamer namer(StageFixture f) {
    return namer(f, NameRules.permissive(255));
  }

  private static ReplicaNamer namer(StageFixture f, NameRules rules) {
    return new ReplicaNamer(f.index, GROUP, rules, f.index.failed("gold"),
        f.deletions.failedMasterDelete());
  }

  @Test
  void takesTheSmallestOrdinalsNoMasterCloneOrVmUses() {
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.READY);
    store.clone("gold-r003", "gold-origin", GOLD, ContainerState.READY);
    Demand demand = Demand.builder().add(VmId.of("gold-r004"), GOLD).build();
    StageFixture f = StageFixture.of(store, demand);
    ReplicaNamer namer = namer(f);

    assertThat(namer.next()).isEqualTo(new ReplicaNamer.Name("gold-r001", List.of()));
    assertThat(namer.next().name()).isEqualTo("gold-r005");
    assertThat(namer.next().name()).isEqualTo("gold-r006");
  }

  @Test
  void reusesTheNamesOfFailedCopiesBeingDeletedFirst() {
    StoreModel store = StoreModel.withOrigin(ArrayCapabilities.builder().build());
    store.master("gold", "gold-r007", GOLD, "gold-origin", ContainerState.FAILED);
    store.master("gold", "gold-r003", GOLD, "gold-origin", ContainerState.FAILED);
    store.master("gold", "gold-r002", GOLD, "gold-origin", ContainerState.FAILED);
    store.clone("vm-00001", "gold-r002", GOLD, ContainerState.READY);
    StageFixture f = StageFixture.of(store, Demand.of(GOLD, "vm", 1));
    ReplicaNamer namer = namer(f);

    // gold-r002 still holds a clone, so it stays and keeps its ordinal.
    assertThat(namer.next())
        .isEqualTo(new ReplicaNamer.Name("gold-r003", List.of("delete:gold-r003")));
    assertThat(namer.next())
        .isEqualTo(new ReplicaNamer.Name("gold-r007", List.of("delete:gold-r007")));
    assertThat(namer.next()).isEqualTo(new ReplicaNamer.Name("gold-r001", List.of()));
    assertThat(namer.next().name()).isEqualTo("gold-r004");
  }

  @Test
  void refusesANameLongerThanTheArrayTakes() {
    StageFixture f = StageFixture.of(
        StoreModel.withOrigin(ArrayCapabilities.builder().build()), Demand.none());

    assertThat(namer(f, NameRules.permissive(9)).next().name()).isEqualTo("gold-r001");
    assertThatThrownBy(() -> namer(f, NameRules.permissive(8)).next())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("group id 'gold' (replica 1) makes no name the array allows:")
        .hasMessageContaining("more than the array's 8");
  }

  @Test
  void readsAndWritesReplicaNames() {
    assertThat(ReplicaNamer.replicaName(GROUP, 7)).isEqualTo("gold-r007");
    assertThat(ReplicaNamer.replicaName(GROUP, 42)).isEqualTo("gold-r042");
    assertThat(ReplicaNamer.replicaName(GROUP, 1234)).isEqualTo("gold-r1234");
    assertThat(ReplicaNamer.ordinal(GROUP, "gold-r0012")).isEqualTo(12);
    assertThat(ReplicaNamer.ordinal(GROUP, "gold-r")).isEqualTo(-1);
    assertThat(ReplicaNamer.ordinal(GROUP, "gold-rx1")).isEqualTo(-1);
    assertThat(ReplicaNamer.ordinal(GROUP, "other-r001")).isEqualTo(-1);
    assertThat(ReplicaNamer.mayBeReplicaName("gold-r001")).isTrue();
    assertThat(ReplicaNamer.mayBeReplicaName("x-r9")).isTrue();
    assertThat(ReplicaNamer.mayBeReplicaName("gold-r")).isFalse();
    assertThat(ReplicaNamer.mayBeReplicaName("gold-origin")).isFalse();
    assertThat(ReplicaNamer.mayBeReplicaName("r001")).isFalse();
    assertThat(ReplicaNamer.takenOrdinals(GROUP, List.of("gold-r010", "gold-r001", "gold-r0002",
        "gold-r12", "gold-r1000", "gold-r000", "other-r003", "gold-r01x")))
        .as("only names replicaName writes").containsExactly(1, 10, 1000);
  }
}
