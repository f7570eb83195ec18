package dev.goldcopy.roll;

import static dev.goldcopy.roll.RollWorld.A;
import static dev.goldcopy.roll.RollWorld.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A roll, carried out on the simulated array, never exceeds its bounds at any instant (read from
 * the array's call log) and ends with every VM it may move on the new version; the rollback ends
 * with every VM on the old one.
 */
class RollPropertiesTest {

  private static Set<ContainerId> clones(RollWorld w) {
    Set<ContainerId> ids = new HashSet<>();
    for (Container c : w.inventory().containers()) {
      if (!c.isMaster()) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  private static void rollAndCheck(RollWorld w, RollBounds bounds, ContentId from, ContentId to) {
    RollPlan plan = RollPlanner.create(w.policy).plan(w.request(bounds, from, to));
    Duration started = w.array.elapsed();
    Set<ContainerId> before = clones(w);
    long extra = bounds.maxExtraMasters() == RollBounds.NO_LIMIT
        ? Long.MAX_VALUE / 2 : bounds.maxExtraMasters();
    assertThat(plan.batches()).allSatisfy(b -> {
      assertThat(b.vms().size()).isBetween(1, bounds.maxDown());
      assertThat(b.peak().masters() - plan.start().masters()).isLessThanOrEqualTo(extra);
    });
    RollResult result =
        RollRunner.create(w.array, w.executor, w.policy, w.array::await).run(plan, new RollListener() {});
    assertThat(result.succeeded()).isTrue();
    long[] peaks = w.peaksSince(started, plan.start().masters(), before);
    assertThat(peaks[0] - plan.start().masters()).isLessThanOrEqualTo(extra);
    assertThat(peaks[1]).isLessThanOrEqualTo(bounds.maxDown());
    if (plan.blocked().isEmpty()) {
      long onFrom = w.versions().values().stream().filter(from::equals).count();
      assertThat(onFrom).isEqualTo(plan.staying().size());
    }
  }

  @Test
  void aRollStaysWithinItsBoundsAndEndsOnTheNewVersionAndBackAgain() {
    qt().withExamples(25)
        .forAll(integers().between(1, 90), integers().between(2, 12), integers().between(1, 30),
            integers().between(-1, 4))
        .checkAssert((vms, perSource, maxDown, extra) -> {
          RollWorld w = new RollWorld(vms, perSource, 0, 0);
          RollBounds bounds = RollBounds.builder().maxDown(maxDown).maxExtraMasters(extra).build();
          rollAndCheck(w, bounds, A, B);
          assertThat(w.versions()).hasSize(vms).allSatisfy((vm, c) -> assertThat(c).isEqualTo(B));
          rollAndCheck(w, bounds, B, A);
          assertThat(w.versions()).hasSize(vms).allSatisfy((vm, c) -> assertThat(c).isEqualTo(A));
        });
  }

  @Test
  void persistentVmsStayUnlessAskedAndTheBoundsStillHold() {
    qt().withExamples(15)
        .forAll(integers().between(10, 80), integers().between(2, 10), integers().between(2, 5),
            integers().between(1, 20))
        .checkAssert((vms, perSource, every, maxDown) -> {
          RollWorld w = new RollWorld(vms, perSource, every, every * 2);
          rollAndCheck(w, RollBounds.builder().maxDown(maxDown).maxExtraMasters(3).build(), A, B);
        });
  }
}
