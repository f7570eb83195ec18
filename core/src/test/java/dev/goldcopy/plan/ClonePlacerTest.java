package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ClonePlacerTest {
  private static final long UNBOUNDED = PlanMath.UNBOUNDED;
  private final List<PlanStep> clones = new ArrayList<>();

  private ClonePlacer placer(Placement placement, Map<String, String> oldDelete) {
    return new ClonePlacer(PlanningPolicy.builder().placement(placement).build(), 0,
        new CapacityLedger(Long.MAX_VALUE), new SlotLedger(0, 0, new ArrayDeque<>()),
        new SlotLedger(0, 0, new ArrayDeque<>()), oldDelete,
        clones);
  }

  private static MasterSlot slot(String name, @Nullable String stepId, int index, long kept, long softCap) {
    return new MasterSlot(name, stepId, index, kept, softCap, false, 0, new ArrayDeque<>());
  }

  private static List<VmId> vms(int count) {
    List<VmId> vms = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      vms.add(VmId.of("vm-" + i));
    }
    return vms;
  }

  @Test
  void spreadGivesEachCloneToTheLeastLoadedMasterTheFirstOnATie() {
    List<MasterSlot> slots = List.of(slot("a", null, 0, 2, UNBOUNDED),
        slot("b", null, 1, 0, UNBOUNDED), slot("c", "replica:c", 2, 0, UNBOUNDED));

    placer(Placement.SPREAD, Map.of()).place(GOLD, vms(5), slots, 0);

    assertThat(clones).extracting(s -> ((CreateClone) s).masterName(), PlanStep::dependsOn)
        .containsExactly(tuple("b", List.of()), tuple("c", List.of("replica:c")),
            tuple("b", List.of()), tuple("c", List.of("replica:c")), tuple("a", List.of()));
    assertThat(clones.get(1).reason()).isEqualTo("New VM; clones from new replica c.");
    assertThat(clones.get(0).reason()).isEqualTo("New VM; b has a free slot.");
    assertThat(clones).extracting(PlanStep::id).startsWith("clone:vm-1", "clone:vm-2");
  }

  @Test
  void packFillsTheMastersInOrderSoftCapsFirst() {
    List<MasterSlot> slots = List.of(slot("a", null, 0, 0, 1), slot("b", null, 1, 0, 1),
        slot("c", null, 2, 0, 1));

    placer(Placement.PACK, Map.of()).place(GOLD, vms(5), slots, 0);

    assertThat(clones).extracting(s -> ((CreateClone) s).masterName())
        .containsExactly("a", "b", "c", "a", "a");
  }

  @Test
  void theThroughputRateIsAFirstPass() {
    List<MasterSlot> slots = List.of(slot("a", null, 0, 0, 10), slot("b", null, 1, 0, 10));

    placer(Placement.PACK, Map.of()).place(GOLD, vms(4), slots, 1);

    assertThat(clones).extracting(s -> ((CreateClone) s).masterName())
        .containsExactly("a", "b", "a", "a");
  }

  @Test
  void aCloneWaitsForItsOldCloneAndForTheDeletionThatFreesItsSlot() {
    ArrayDeque<String> going = new ArrayDeque<>(List.of("delete:old"));
    MasterSlot full = new MasterSlot("a", "replica:a", 0, 0, UNBOUNDED, false, 1, going);
    // Limit 1, nothing kept, one clone being deleted: the slot is free once it goes.

    placer(Placement.SPREAD, Map.of("vm-1", "delete:vm-1")).place(GOLD, vms(1), List.of(full), 0);

    assertThat(clones).singleElement().extracting(PlanStep::dependsOn)
        .isEqualTo(List.of("replica:a", "delete:vm-1", "delete:old"));
  }

  @Test
  void refusesToLeaveAVmUnplaced() {
    List<MasterSlot> slots = List.of(
        new MasterSlot("a", null, 0, 0, 1, false, 1, new ArrayDeque<>()));

    assertThatThrownBy(() -> placer(Placement.SPREAD, Map.of()).place(GOLD, vms(2), slots, 0))
        .isInstanceOf(IllegalStateException.class).hasMessage("sizing left 1 VMs unplaced");
  }

  private Map<String, Long> perMaster() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (PlanStep s : clones) {
      counts.merge(((CreateClone) s).masterName(), 1L, Long::sum);
    }
    return counts;
  }

  @Test
  void spreadFillsTheReadyMastersToTheirCapBeforeTheMastersToBeCopied() {
    List<MasterSlot> slots = List.of(slot("origin", null, 0, 0, 5),
        slot("r1", "replica:r1", 1, 0, 5), slot("r2", "replica:r2", 2, 0, 5));

    placer(Placement.SPREAD, Map.of()).place(GOLD, vms(12), slots, 0);

    assertThat(perMaster()).isEqualTo(Map.of("origin", 5L, "r1", 4L, "r2", 3L));
    assertThat(clones.subList(0, 5)).allMatch(c -> ((CreateClone) c).masterName().equals("origin"));
    assertThat(clones.subList(5, 12)).extracting(s -> ((CreateClone) s).masterName())
        .containsExactly("r1", "r2", "r1", "r2", "r1", "r2", "r1");
  }

  @Test
  void aMasterStillBeingCopiedTakesOnlyWhatTheReadyOnesCannotHold() {
    MasterSlot copying =
        new MasterSlot("b", null, false, 1, 0, 3, false, 0, new ArrayDeque<>());
    List<MasterSlot> slots = List.of(slot("a", null, 0, 1, 3), copying);

    placer(Placement.SPREAD, Map.of()).place(GOLD, vms(4), slots, 0);

    assertThat(perMaster()).isEqualTo(Map.of("a", 3L, "b", 1L));
  }

  @Test
  void readyMastersGoFirstUnderTheLimitWhenTheClonesRatioIsFull() {
    // Soft caps of 2 are full after the first pass; the second pass runs to the hard limit of 4.
    List<MasterSlot> slots = List.of(
        new MasterSlot("origin", null, 0, 0, 2, false, 4, new ArrayDeque<>()),
        new MasterSlot("r1", "replica:r1", 1, 0, 2, false, 4, new ArrayDeque<>()));

    placer(Placement.SPREAD, Map.of()).place(GOLD, vms(7), slots, 0);

    assertThat(clones).extracting(s -> ((CreateClone) s).masterName())
        .containsExactly("origin", "origin", "r1", "r1", "origin", "origin", "r1");
  }

  @Test
  void aThroughputRuleKeepsTheEvenSpread() {
    List<MasterSlot> slots = List.of(slot("origin", null, 0, 0, 5),
        slot("r1", "replica:r1", 1, 0, 5), slot("r2", "replica:r2", 2, 0, 5));

    placer(Placement.SPREAD, Map.of()).place(GOLD, vms(12), slots, 2);

    assertThat(perMaster()).isEqualTo(Map.of("origin", 4L, "r1", 4L, "r2", 4L));
  }
}
