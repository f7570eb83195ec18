package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Container and Inventory check how their fields fit together. */
class ContainerTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");
  private static final ContentId IMAGE = ContentId.of("win11", "1");
  private static final GroupId GROUP = GroupId.of("g");

  static Container master(String id, @Nullable ContainerId source) {
    return new Container(ContainerId.of(id), id, ContainerKind.PHYSICAL_MASTER, IMAGE, GROUP,
        source, STORE, 100, ContainerState.READY);
  }

  static Container clone(String id, String source) {
    return new Container(ContainerId.of(id), id, ContainerKind.VIRTUAL_COPY, IMAGE, null,
        ContainerId.of(source), STORE, 0, ContainerState.READY);
  }

  @Test
  void anOriginIsAMasterWithNoSource() {
    Container origin = master("o", null);
    Container replica = master("r1", ContainerId.of("o"));

    assertThat(origin.isOrigin()).isTrue();
    assertThat(origin.isMaster()).isTrue();
    assertThat(replica.isOrigin()).isFalse();
    assertThat(clone("c", "o").isMaster()).isFalse();
    assertThat(clone("c", "o").isReady()).isTrue();
  }

  @Test
  @SuppressWarnings("NullAway") // leaves out required fields on purpose
  void refusesKindsThatDoNotFitTheirFields() {
    assertThatThrownBy(() -> new Container(ContainerId.of("m"), "m",
            ContainerKind.PHYSICAL_MASTER, IMAGE, null, null, STORE, 1, ContainerState.READY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group is required");
    assertThatThrownBy(() -> new Container(ContainerId.of("c"), "c",
            ContainerKind.VIRTUAL_COPY, IMAGE, GROUP, ContainerId.of("m"), STORE, 1,
            ContainerState.READY))
        .hasMessageContaining("group must be null");
    assertThatThrownBy(() -> new Container(ContainerId.of("c"), "c",
            ContainerKind.VIRTUAL_COPY, IMAGE, null, null, STORE, 1, ContainerState.READY))
        .hasMessageContaining("source is required");
    assertThatThrownBy(() -> new Container(ContainerId.of("c"), "c",
            ContainerKind.VIRTUAL_COPY, IMAGE, null, ContainerId.of("m"), STORE, -1,
            ContainerState.READY))
        .hasMessageContaining("sizeBytes");
  }

  @Test
  void inventoryIndexesByIdAndNameAndRefusesDuplicatesAndStrangers() {
    Inventory inventory = new Inventory(STORE, List.of(master("o", null), clone("c", "o")));

    assertThat(inventory.find(ContainerId.of("c"))).contains(clone("c", "o"));
    assertThat(inventory.findByName("o")).contains(master("o", null));
    assertThat(inventory.findByName("nope")).isEmpty();
    assertThat(Inventory.empty(STORE).containers()).isEmpty();
    assertThatThrownBy(() -> new Inventory(STORE, List.of(master("o", null), master("o", null))))
        .hasMessageContaining("duplicate id");
    assertThatThrownBy(() -> new Inventory(StoreRef.of("other", "pool-9"), List.of(master("o", null))))
        .hasMessageContaining("belongs to acme/pool-1");
  }
}
