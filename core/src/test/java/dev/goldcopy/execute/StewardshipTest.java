package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The labels a run writes on its clones are exactly {@link Ownership#clone}'s, although the run
 * makes most of them from the last clone's by setting the VM alone.
 */
class StewardshipTest {
  private static final OwnerId OWNER = PlanningPolicy.defaults().owner();
  private static final List<ContentId> CONTENTS =
      List.of(ContentId.of("win11", "2026.11"), ContentId.of("win11", "2026.12"));
  private static final List<String> MASTERS = List.of("golden", "golden-r001", "golden-r002");

  @Test
  void everyCloneCarriesTheLabelsOwnershipDefinesInAnyOrderOfIssue() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(this::issueInRandomOrder);
  }

  private void issueInRandomOrder(long seed) {
    Random random = new Random(seed);
    int count = 1 + random.nextInt(40);
    ImmutableSortedMap.Builder<VmId, ContentId> vms = ImmutableSortedMap.naturalOrder();
    ImmutableSet.Builder<VmId> recreatable = ImmutableSet.builder();
    List<CreateClone> clones = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      VmId vm = VmId.of(String.format("vm-%03d", i));
      ContentId content = CONTENTS.get(random.nextInt(10) == 0 ? 1 : 0);
      vms.put(vm, content);
      if (random.nextInt(4) == 0) {
        recreatable.add(vm);
      }
      // runs of clones on one master, as a round issues them, broken now and then
      String master = MASTERS.get(random.nextInt(6) == 0 ? random.nextInt(3) : i / 8 % 3);
      clones.add(clone(vm, master, content));
    }
    Collections.shuffle(clones.subList(0, count / 3), random);
    Demand demand = new Demand(vms.build(), recreatable.build(), ImmutableSet.of());
    Stewardship stewardship = new Stewardship(PlanningPolicy.defaults(), demand);
    for (CreateClone c : clones) {
      boolean persistent = !demand.recreatable().contains(c.vm());
      assertThat(stewardship.labels(c))
          .isEqualTo(Ownership.clone(OWNER, c.vm(), c.content(), c.masterName(), persistent));
    }
  }

  @Test
  void aReplicaBetweenClonesDoesNotBreakTheirLabels() {
    VmId a = VmId.of("vm-a");
    VmId b = VmId.of("vm-b");
    Demand demand = demandOf(a, b);
    Stewardship stewardship = new Stewardship(PlanningPolicy.defaults(), demand);
    stewardship.labels(clone(a, "golden", CONTENTS.get(0)));
    Labels replica =
        stewardship.labels(
            new CreateReplica(
                "r1", "golden-r001", "golden", GroupId.of("g"), CONTENTS.get(0), 1L << 30, 1,
                List.of(), ""));
    assertThat(replica.get(Ownership.ROLE)).contains("replica");
    assertThat(stewardship.labels(clone(b, "golden", CONTENTS.get(0))))
        .isEqualTo(Ownership.clone(OWNER, b, CONTENTS.get(0), "golden", true));
  }

  @Test
  void aVmIdTooLongForALabelIsRefusedEvenWhenTheLastClonesLabelsServeAsTemplate() {
    VmId ok = VmId.of("vm-1");
    VmId tooLong = VmId.of("v".repeat(300));
    Demand demand = demandOf(ok, tooLong);
    Stewardship stewardship = new Stewardship(PlanningPolicy.defaults(), demand);
    stewardship.labels(clone(ok, "golden", CONTENTS.get(0)));
    assertThatThrownBy(() -> stewardship.labels(clone(tooLong, "golden", CONTENTS.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Ownership.VM);
  }

  private static Demand demandOf(VmId... vms) {
    ImmutableSortedMap.Builder<VmId, ContentId> map = ImmutableSortedMap.naturalOrder();
    for (VmId vm : vms) {
      map.put(vm, CONTENTS.get(0));
    }
    return new Demand(map.build());
  }

  private static CreateClone clone(VmId vm, String master, ContentId content) {
    return new CreateClone("c-" + vm.value(), vm.value(), vm, master, content, List.of(), "");
  }
}
