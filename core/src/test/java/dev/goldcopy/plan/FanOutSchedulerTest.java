package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static dev.goldcopy.plan.StoreModel.GOLD2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.goldcopy.spi.GroupId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutSchedulerTest {

  private static List<FanOutScheduler.NewReplica> replicas(String group, int count) {
    List<FanOutScheduler.NewReplica> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = group + "-r00" + i;
      out.add(new FanOutScheduler.NewReplica(name, "replica:" + name, List.of(), "needed."));
    }
    return out;
  }

  private static FanOutScheduler.GroupCopies group(String group, List<String> sources,
      List<FanOutScheduler.NewReplica> pending, String waitNote) {
    return new FanOutScheduler.GroupCopies(GroupId.of(group), group.equals("gold") ? GOLD : GOLD2,
        100, sources, pending, waitNote);
  }

  @Test
  void eachMasterIsTheSourceOfOneCopyPerRoundAndNewOnesServeTheNextRound() {
    List<CreateReplica> steps = FanOutScheduler.schedule(
        List.of(group("gold", List.of("gold-origin"), replicas("gold", 3), "")), 0);

    assertThat(steps).extracting(CreateReplica::name, CreateReplica::sourceName,
        CreateReplica::round, CreateReplica::dependsOn).containsExactly(
            tuple("gold-r001", "gold-origin", 1, List.of()),
            tuple("gold-r002", "gold-origin", 2, List.of()),
            tuple("gold-r003", "gold-r001", 2, List.of("replica:gold-r001")));
    assertThat(steps).allSatisfy(s -> {
      assertThat(s.sizeBytes()).isEqualTo(100);
      assertThat(s.reason()).isEqualTo("needed.");
    });
  }

  @Test
  void groupsShareEachRoundsCopySlotsInTurn() {
    List<CreateReplica> steps = FanOutScheduler.schedule(List.of(
        group("gold", List.of("gold-origin", "gold-r009"), replicas("gold", 2), ""),
        group("gold2", List.of("gold2-origin"), replicas("gold2", 1), "")), 2);

    assertThat(steps).extracting(CreateReplica::name, CreateReplica::round).containsExactly(
        tuple("gold-r001", 1), tuple("gold2-r001", 1), tuple("gold-r002", 2));
  }

  @Test
  void aReplicaWaitsForItsSourceAndItsOwnDeletionsAndSaysWhenItWaitsForACopy() {
    FanOutScheduler.NewReplica first =
        new FanOutScheduler.NewReplica("gold-r001", "replica:gold-r001", List.of(), "a.");
    FanOutScheduler.NewReplica remade = new FanOutScheduler.NewReplica("gold-r002",
        "replica:gold-r002", List.of("delete:gold-r002"), "b.");
    List<CreateReplica> steps = FanOutScheduler.schedule(List.of(group("gold",
        List.of("gold-r005"), List.of(first, remade), " Wait.")), 1);

    assertThat(steps).extracting(CreateReplica::sourceName, CreateReplica::dependsOn,
        CreateReplica::reason).containsExactly(
            tuple("gold-r005", List.of(), "a. Wait."),
            tuple("gold-r005", List.of("delete:gold-r002"), "b. Wait."));
  }

  @Test
  void refusesAGroupWithNoSource() {
    List<FanOutScheduler.GroupCopies> groups =
        List.of(group("gold", List.of(), replicas("gold", 1), ""));

    assertThatThrownBy(() -> FanOutScheduler.schedule(groups, 0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no source");
    assertThat(FanOutScheduler.schedule(List.of(), 0)).isEmpty();
  }

  @Test
  void aSourceThatFeedsTwoCopiesIsTheSourceOfTwoPerRoundAfterEverySourceGaveOne() {
    List<CreateReplica> steps = FanOutScheduler.schedule(
        List.of(group("gold", List.of("gold-origin"), replicas("gold", 8), "")), 4, 2);

    assertThat(steps).extracting(CreateReplica::name, CreateReplica::sourceName,
        CreateReplica::round).containsExactly(
            tuple("gold-r001", "gold-origin", 1),
            tuple("gold-r002", "gold-origin", 1),
            tuple("gold-r003", "gold-origin", 2),
            tuple("gold-r004", "gold-r001", 2),
            tuple("gold-r005", "gold-r002", 2),
            tuple("gold-r006", "gold-origin", 2),
            tuple("gold-r007", "gold-origin", 3),
            tuple("gold-r008", "gold-r001", 3));
  }

  @Test
  void withoutAConcurrencyLimitEverySourceFeedsAllItCanInOneRound() {
    List<CreateReplica> steps = FanOutScheduler.schedule(
        List.of(group("gold", List.of("gold-origin"), replicas("gold", 8), "")), 0, 3);

    assertThat(steps).extracting(CreateReplica::sourceName, CreateReplica::round).containsExactly(
        tuple("gold-origin", 1), tuple("gold-origin", 1), tuple("gold-origin", 1),
        tuple("gold-origin", 2), tuple("gold-r001", 2), tuple("gold-r002", 2),
        tuple("gold-r003", 2), tuple("gold-origin", 2));
  }
}
