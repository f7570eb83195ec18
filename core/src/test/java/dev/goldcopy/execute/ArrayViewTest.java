package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.deleteStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ArrayViewTest {
  private static final Stewardship STEWARD =
      new Stewardship(dev.goldcopy.plan.PlanningPolicy.defaults(), dev.goldcopy.plan.Demand.none());

  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");

  private static Container c(
      String id, ContainerKind kind, @Nullable String source, ContainerState state) {
    return new Container(
        ContainerId.of(id),
        id,
        kind,
        StageFixture.CONTENT,
        kind == ContainerKind.VIRTUAL_COPY ? null : StageFixture.GROUP,
        source == null ? null : ContainerId.of(source),
        STORE,
        10,
        state,
        source == null
            ? dev.goldcopy.spi.Labels.empty()
            : dev.goldcopy.spi.Labels.of(
                dev.goldcopy.plan.Ownership.MANAGED_BY, dev.goldcopy.plan.Ownership.GOLDCOPY,
                dev.goldcopy.plan.Ownership.OWNER, dev.goldcopy.plan.OwnerId.DEFAULT.value()));
  }

  private final Container origin = c("golden", ContainerKind.PHYSICAL_MASTER, null, ContainerState.READY);
  private final Container ready = c("r1", ContainerKind.PHYSICAL_MASTER, "golden", ContainerState.READY);
  private final Container copying = c("r2", ContainerKind.PHYSICAL_MASTER, "r1", ContainerState.COPYING);
  private final Container clone = c("vm-1", ContainerKind.VIRTUAL_COPY, "r1", ContainerState.READY);
  private final ArrayView view =
      ArrayView.of(new Inventory(STORE, List.of(origin, ready, copying, clone)));

  @Test
  void neverDeletesTheOrigin() {
    assertThat(view.refusal(deleteStep(origin), STEWARD)).isEqualTo("refused: golden is the origin of its group");
  }

  @Test
  void clonesAndCopiesInProgressAreDependentsButFinishedCopiesAreNot() {
    assertThat(view.refusal(deleteStep(ready), STEWARD)).isEqualTo("refused: r1 still has 2 dependent(s)");

    view.deleted(clone.id());
    assertThat(view.refusal(deleteStep(ready), STEWARD)).isEqualTo("refused: r1 still has 1 dependent(s)");
    assertThat(view.named("vm-1")).isNull();
    // a deleted master does not free its source: the copy was counted while in progress only
    view.deleted(copying.id());
    assertThat(view.refusal(deleteStep(ready), STEWARD)).isEqualTo("refused: r1 still has 1 dependent(s)");
  }

  @Test
  void aCloneMadeThisRoundIsADependent() {
    Container fresh = c("r3", ContainerKind.PHYSICAL_MASTER, "golden", ContainerState.READY);
    view.copyMade(fresh);
    assertThat(view.refusal(deleteStep(fresh), STEWARD)).isNull();

    view.cloneMade(fresh.id());

    assertThat(view.named("r3")).isEqualTo(fresh);
    assertThat(view.refusal(deleteStep(fresh), STEWARD)).isEqualTo("refused: r3 still has 1 dependent(s)");
  }

  @Test
  void aContainerNotListedMayBeDeleted() {
    assertThat(view.refusal(deleteStep(ContainerId.of("gone"), "gone"), STEWARD)).isNull();
  }

  @Test
  void neverDeletesWhatTheOwnerDidNotMakeOrAdopt() {
    Container adminCopy = new Container(ContainerId.of("backup"), "backup", ContainerKind.PHYSICAL_MASTER,
        StageFixture.CONTENT, StageFixture.GROUP, ContainerId.of("golden"), STORE, 10, ContainerState.READY);
    Container otherTeams = new Container(ContainerId.of("b-vm"), "b-vm", ContainerKind.VIRTUAL_COPY,
        StageFixture.CONTENT, null, ContainerId.of("golden"), STORE, 10, ContainerState.READY,
        dev.goldcopy.plan.Ownership.clone(dev.goldcopy.plan.OwnerId.of("team-b"),
            dev.goldcopy.plan.VmId.of("b-vm"), StageFixture.CONTENT, "golden", true));
    ArrayView shared = ArrayView.of(new Inventory(STORE, List.of(origin, adminCopy, otherTeams)));

    assertThat(shared.refusal(deleteStep(adminCopy), STEWARD)).contains("is not Goldcopy's to delete");
    assertThat(shared.refusal(deleteStep(otherTeams), STEWARD)).contains("is not Goldcopy's to delete");
  }
}
