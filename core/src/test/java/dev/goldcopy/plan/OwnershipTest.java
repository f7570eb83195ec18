package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Labels say whose a container is; only the owner's and the adopted ones are Goldcopy's to touch. */
class OwnershipTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");
  private static final ContentId WIN11 = ContentId.of("win11", "2026.11");
  private static final OwnerId TEAM_A = OwnerId.of("team-a");

  private static Container clone(String id, Labels labels) {
    return new Container(ContainerId.of(id), id, ContainerKind.VIRTUAL_COPY, WIN11, null,
        ContainerId.of("origin"), STORE, 1, ContainerState.READY, labels);
  }

  @Test
  void classifiesByOwnerAndAdoption() {
    Container own = clone("a", Ownership.clone(TEAM_A, VmId.of("vm-1"), WIN11, "golden", true));
    Container theirs = clone("b", Ownership.clone(OwnerId.of("team-b"), VmId.of("vm-2"), WIN11, "golden", false));
    Container adminSnapshot = clone("backup", Labels.empty());
    Container legacy = clone("legacy-vm-3", Labels.of("made-by", "old-script"));

    Adoption adoptLegacy = Adoption.containers(Set.of(ContainerId.of("legacy-vm-3")));

    assertThat(Ownership.classify(own, TEAM_A, Adoption.none())).isEqualTo(Ownership.Kind.OWN);
    assertThat(Ownership.classify(theirs, TEAM_A, Adoption.none())).isEqualTo(Ownership.Kind.OTHER_OWNER);
    assertThat(Ownership.classify(adminSnapshot, TEAM_A, adoptLegacy)).isEqualTo(Ownership.Kind.FOREIGN);
    assertThat(Ownership.classify(legacy, TEAM_A, adoptLegacy)).isEqualTo(Ownership.Kind.ADOPTED);
    assertThat(Ownership.classify(legacy, TEAM_A, Adoption.none())).isEqualTo(Ownership.Kind.FOREIGN);
    assertThat(Ownership.isPersistent(own)).isTrue();
    assertThat(Ownership.isPersistent(theirs)).isFalse();
  }

  @Test
  void aGoldcopyLabelOfAnotherOwnerIsNeverAdoptedEvenIfTheRuleMatches() {
    Container theirs = clone("b", Ownership.clone(OwnerId.of("team-b"), VmId.of("vm-2"), WIN11, "golden", false));

    assertThat(Ownership.classify(theirs, TEAM_A, Adoption.matching("everything", c -> true)))
        .isEqualTo(Ownership.Kind.OTHER_OWNER);
  }

  @Test
  void replicaLabelsRecordGroupContentAndLineage() {
    Labels labels = Ownership.replica(TEAM_A, GroupId.of("win11"), WIN11, "win11-golden");

    assertThat(labels.get(Ownership.ROLE)).contains("replica");
    assertThat(labels.get(Ownership.GROUP)).contains("win11");
    assertThat(labels.get(Ownership.CONTENT)).contains(WIN11.toString());
    assertThat(labels.get(Ownership.SOURCE)).contains("win11-golden");
  }

  @Test
  void ownerIdsAreCheckedNamingTheField() {
    assertThatThrownBy(() -> OwnerId.of("team a")).hasMessageStartingWith("ownerId 'team a'");
    assertThatThrownBy(() -> OwnerId.of("")).hasMessageStartingWith("ownerId ''");
  }
}
