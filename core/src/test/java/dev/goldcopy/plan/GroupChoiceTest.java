package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupChoiceTest {
  private static final ArrayCapabilities CAPS = ArrayCapabilities.builder().build();

  @Test
  void theGroupHoldingTheOriginWinsAndTheChoiceIsReported() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("a", "a-r001", GOLD, "gold-origin", ContainerState.READY);
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));
    List<Finding> findings = new ArrayList<>();

    Map<ContentId, String> chosen = GroupChoice.choose(index, findings);

    assertThat(chosen).containsExactly(Map.entry(GOLD, "gold"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.SEVERAL_GROUPS);
      assertThat(f.name()).isEqualTo("gold");
      assertThat(f.detail()).contains("groups [a, gold]").contains("it holds the origin");
    });
  }

  @Test
  void withoutAnOriginTheLowestGroupIdWinsAndItsMastersAreMarkedChosen() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    Container b = store.master("b", "b-r001", GOLD2, "gold-origin", ContainerState.READY);
    Container a = store.master("a", "a-r001", GOLD2, "gold-origin", ContainerState.COPYING);
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));
    List<Finding> findings = new ArrayList<>();

    Map<ContentId, String> chosen = GroupChoice.choose(index, findings);

    assertThat(chosen).containsExactly(Map.entry(GOLD, "gold"), Map.entry(GOLD2, "a"));
    assertThat(findings).singleElement()
        .satisfies(f -> assertThat(f.detail()).contains("lowest group id"));
    assertThat(index.masters().isChosen(index.masters().ordinal(a.id()))).isTrue();
    assertThat(index.masters().isChosen(index.masters().ordinal(b.id()))).isFalse();
    assertThat(index.masters().isChosen(index.masters().ordinal(index.live("gold").get(0).id()))).isTrue();
  }

  @Test
  void oneGroupPerVersionIsNoFinding() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    List<Finding> findings = new ArrayList<>();

    assertThat(GroupChoice.choose(InventoryIndex.of(store.input(Demand.none())), findings))
        .containsExactly(Map.entry(GOLD, "gold"));
    assertThat(findings).isEmpty();
  }

  @Test
  void leavesAGroupHoldingTwoVersionsAloneWithAFinding() {
    StoreModel store = StoreModel.withOrigin(CAPS);
    store.master("gold", "gold-r001", GOLD2, "gold-origin", ContainerState.READY);
    InventoryIndex index = InventoryIndex.of(store.input(Demand.none()));
    List<Finding> findings = new ArrayList<>();

    assertThat(GroupChoice.choose(index, findings)).isEmpty();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.MALFORMED_GROUP);
      assertThat(f.detail()).contains("group gold holds both");
    });
  }
}
