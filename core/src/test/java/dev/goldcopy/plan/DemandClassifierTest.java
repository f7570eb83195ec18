package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class DemandClassifierTest {
  private static final ArrayCapabilities CAPS = ArrayCapabilities.builder().build();

  private static DemandClassifier.Result classify(StoreModel store, Demand demand,
      List<Finding> findings) {
    PlanningInput input = store.input(demand);
    InventoryIndex index = InventoryIndex.of(input);
    Map<ContentId, String> chosen = GroupChoice.choose(index, findings);
    return DemandClassifier.classify(input, index, chosen, findings);
  }

  @Test
  void keepsReplacesOrPlacesEachVmAndDeletesUnclaimedClones() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("gold2", "gold2-origin", GOLD2, null, ContainerState.READY);
    Container kept = store.clone("vm-keep", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-failed", "gold-origin", GOLD, ContainerState.FAILED);
    store.clone("vm-moves", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-gone", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-gone-failed", "gold-origin", GOLD, ContainerState.FAILED);
    Demand demand = Demand.builder()
        .add(VmId.of("vm-keep"), GOLD).add(VmId.of("vm-failed"), GOLD)
        .add(VmId.of("vm-moves"), GOLD2).add(VmId.of("vm-new"), GOLD).build();
    List<Finding> findings = new ArrayList<>();

    DemandClassifier.Result r = classify(store, demand, findings);

    DemandClassifier.ContentDemand gold = Objects.requireNonNull(r.byContent().get(GOLD));
    assertThat(gold.vms).isEqualTo(3);
    assertThat(gold.first).isEqualTo(VmId.of("vm-failed"));
    assertThat(gold.toPlace).extracting(VmId::value).containsExactly("vm-failed", "vm-new");
    assertThat(Objects.requireNonNull(r.byContent().get(GOLD2)).toPlace)
        .extracting(VmId::value).containsExactly("vm-moves");
    assertThat(r.oldDelete()).containsOnly(
        Map.entry("vm-failed", "delete:vm-failed"), Map.entry("vm-moves", "delete:vm-moves"));
    assertThat(r.cloneDeletes()).extracting(DeleteContainer::name, DeleteContainer::cause)
        .containsExactly(
            tuple("vm-failed", DeleteContainer.Cause.FAILED_COPY),
            tuple("vm-moves", DeleteContainer.Cause.VM_REMOVED),
            tuple("vm-gone", DeleteContainer.Cause.VM_REMOVED),
            tuple(
                "vm-gone-failed", DeleteContainer.Cause.FAILED_COPY));
    assertThat(r.cloneDeleteSources()).hasSize(4)
        .containsOnly(Objects.requireNonNull(kept.source()));
    assertThat(r.keptElsewhere()).isZero();
    assertThat(findings).isEmpty();
  }

  @Test
  void countsKeptClonesPerMasterAndReportsThoseOutsideTheChosenGroup() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("other", "other-origin", GOLD2, null, ContainerState.READY);
    store.clone("vm-00001", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00002", "gold-origin", GOLD, ContainerState.READY);
    store.clone("vm-00003", "other-origin", GOLD, ContainerState.READY);
    store.clone("vm-00004", "vanished", GOLD, ContainerState.READY);
    store.clone("vm-00005", "vm-00001", GOLD, ContainerState.READY);
    Demand demand = Demand.of(GOLD, "vm", 5);
    List<Finding> findings = new ArrayList<>();
    PlanningInput input = store.input(demand);
    InventoryIndex index = InventoryIndex.of(input);
    DemandClassifier.Result r = DemandClassifier.classify(
        input, index, GroupChoice.choose(index, findings), findings);

    Container origin = index.live("gold").get(0);
    assertThat(index.masters().kept(origin.id())).isEqualTo(2);
    assertThat(index.masters().kept(index.live("other").get(0).id())).isEqualTo(1);
    assertThat(r.keptElsewhere()).as("on a vanished source and on a clone").isEqualTo(2);
    assertThat(Objects.requireNonNull(r.byContent().get(GOLD)).toPlace).isEmpty();
    assertThat(findings).extracting(Finding::kind, Finding::name).containsExactly(
        tuple(Finding.Kind.CLONE_OUTSIDE_GROUP, "vm-00003"),
        tuple(Finding.Kind.CLONE_SOURCE_MISSING, "vm-00004"),
        tuple(Finding.Kind.CLONE_OUTSIDE_GROUP, "vm-00005"));
    assertThat(findings.get(2).detail()).contains("a virtual copy");
  }

  @Test
  void anUnknownImageLeavesOnlyItsVmsUnserved() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    Demand demand = Demand.builder().add(VmId.of("b"), GOLD2).add(VmId.of("a"), GOLD2)
        .add(VmId.of("c"), GOLD).build();

    DemandClassifier.Result result = classify(store, demand, new ArrayList<>());

    assertThat(result.unserved()).singleElement().satisfies(sf -> {
      assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NO_USABLE_GROUP);
      assertThat(sf.vms()).containsExactly(VmId.of("a"), VmId.of("b"));
    });
    assertThat(result.byContent()).containsOnlyKeys(GOLD);
  }

  @Test
  void refusesAVmIdTooLongOrNamingAMaster() {
    StoreModel shortNames = StoreModel.withOrigin(
        ArrayCapabilities.builder().maxNameLength(12).build());
    assertThatThrownBy(() -> classify(shortNames, Demand.of(GOLD, "a-long-name", 1),
        new ArrayList<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the array's 12");

    StoreModel store = StoreModel.withOrigin(CAPS);
    Demand namingMaster = Demand.builder().add(VmId.of("gold-origin"), GOLD).build();
    assertThat(classify(store, namingMaster, new ArrayList<>()).unserved()).singleElement()
        .satisfies(sf -> assertThat(sf.limit()).isEqualTo(Shortfall.Limit.NAME_TAKEN));
  }
}
