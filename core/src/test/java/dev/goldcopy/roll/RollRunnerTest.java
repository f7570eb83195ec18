package dev.goldcopy.roll;

import static dev.goldcopy.roll.RollWorld.A;
import static dev.goldcopy.roll.RollWorld.B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionHandle;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollRunnerTest {

  private static RollResult run(RollWorld w, RollPlan plan, RollListener listener) {
    return RollRunner.create(w.array, w.executor, w.policy, w.array::await).run(plan, listener);
  }

  private static long masters(RollWorld w, ContentId c) {
    return w.inventory().containers().stream()
        .filter(m -> m.isMaster() && m.content().equals(c)).count();
  }

  private static Set<ContainerId> cloneIds(RollWorld w) {
    Set<ContainerId> ids = new HashSet<>();
    w.inventory().containers().stream().filter(c -> !c.isMaster()).map(Container::id)
        .forEach(ids::add);
    return ids;
  }

  @Test
  void rollsEveryVmToTheNewVersionWithinItsBoundsAtEveryInstant() {
    RollWorld w = new RollWorld(120, 8, 0, 0);
    RollBounds bounds = RollBounds.builder().maxDown(20).maxExtraMasters(2).build();
    RollPlan plan = RollPlanner.create(w.policy).plan(w.request(bounds, A, B));
    Duration started = w.array.elapsed();
    Set<ContainerId> clones = cloneIds(w);

    assertThat(plan.order()).hasSize(120);
    assertThat(plan.batches()).allSatisfy(b -> assertThat(b.vms().size()).isLessThanOrEqualTo(20));
    assertThat(plan.start().masters()).isEqualTo(16); // 15 of A, B's origin
    assertThat(plan.peak().masters()).isLessThanOrEqualTo(18);
    assertThat(plan.explain()).contains("batch 1:").contains("Peak:");

    RollResult result = run(w, plan, new RollListener() {});

    assertThat(result.succeeded()).isTrue();
    assertThat(w.versions()).hasSize(120).allSatisfy((vm, c) -> assertThat(c).isEqualTo(B));
    assertThat(masters(w, A)).isEqualTo(1); // the origin; its replicas retired as they emptied
    assertThat(masters(w, B)).isEqualTo(15);
    long[] peaks = w.peaksSince(started, 16, clones);
    assertThat(peaks[0]).isLessThanOrEqualTo(18);
    assertThat(peaks[1]).isLessThanOrEqualTo(20);
  }

  @Test
  void withNoExtraRoomItMovesOneMastersWorthAtATime() {
    RollWorld w = new RollWorld(64, 8, 0, 0);
    RollBounds bounds = RollBounds.builder().maxDown(100).maxExtraMasters(0).build();
    RollPlan plan = RollPlanner.create(w.policy).plan(w.request(bounds, A, B));
    Duration started = w.array.elapsed();
    Set<ContainerId> clones = cloneIds(w);

    assertThat(plan.batches().get(0).vms()).hasSize(8);
    assertThat(plan.peak().masters()).isEqualTo(plan.start().masters());
    assertThat(run(w, plan, new RollListener() {}).succeeded()).isTrue();
    assertThat(w.versions()).allSatisfy((vm, c) -> assertThat(c).isEqualTo(B));
    assertThat(w.peaksSince(started, plan.start().masters(), clones)[0])
        .isLessThanOrEqualTo(plan.start().masters());
  }

  @Test
  void persistentVmsMoveOnlyWhenAsked() {
    RollWorld w = new RollWorld(60, 8, 3, 6);
    RollPlan plan = RollPlanner.create(w.policy)
        .plan(w.request(RollBounds.builder().maxDown(15).maxExtraMasters(8).build(), A, B));

    assertThat(plan.staying()).hasSize(10); // vm-3, 9, 15 ... persistent, not asked
    assertThat(plan.blocked()).isEmpty();
    assertThat(run(w, plan, new RollListener() {}).succeeded()).isTrue();
    Map<VmId, ContentId> versions = w.versions();
    assertThat(versions.get(VmId.of("vm-00003"))).isEqualTo(A);
    assertThat(versions.get(VmId.of("vm-00006"))).isEqualTo(B); // asked to recompose
    assertThat(versions.get(VmId.of("vm-00001"))).isEqualTo(B);
    assertThat(versions.values().stream().filter(A::equals).count()).isEqualTo(10);
  }

  @Test
  void vmsKeepingOldMastersBusyBlockTheRollAtTheBoundAndSaySo() {
    RollWorld w = new RollWorld(60, 8, 3, 0);
    RollPlan plan = RollPlanner.create(w.policy)
        .plan(w.request(RollBounds.builder().maxDown(15).maxExtraMasters(0).build(), A, B));

    // Every third VM is persistent and stays; clones went round the 8 masters, so each holds one
    // and none empties: B keeps its origin only, which takes 8 of the 40 VMs that move.
    assertThat(plan.order()).hasSize(8);
    assertThat(plan.blocked()).hasSize(32);
    assertThat(plan.blockedReason()).isEqualTo("the bound of 0 extra master(s)");
    assertThat(plan.peak().masters()).isEqualTo(plan.start().masters());
    assertThat(plan.explain()).contains("32 VM(s) cannot move: the bound of 0 extra master(s)");
  }

  @Test
  void aStoppedRollResumesOrRollsBackFromWhereItStopped() {
    RollWorld w = new RollWorld(80, 8, 0, 0);
    RollBounds bounds = RollBounds.builder().maxDown(16).maxExtraMasters(2).build();
    RollRequest request = w.request(bounds, A, B);
    RollPlan plan = RollPlanner.create(w.policy).plan(request);
    RollResult stopped = run(w, plan, new RollListener() {
      @Override
      public void batchStarted(RollBatch batch, ExecutionHandle run) {
        if (batch.index() == 1) {
          run.cancel();
        }
      }
    });

    assertThat(stopped.succeeded()).isFalse();
    assertThat(stopped.failedBatch()).isEqualTo(1);
    assertThat(stopped.completed()).hasSize(1);
    assertThat(stopped.note()).contains("resume").contains("rollback");

    RollPlan back = RollPlanner.create(w.policy).plan(request.rollback(
        w.array.await(w.array.capabilities(w.store)), w.inventory()));
    assertThat(run(w, back, new RollListener() {}).succeeded()).isTrue();
    assertThat(w.versions()).hasSize(80).allSatisfy((vm, c) -> assertThat(c).isEqualTo(A));

    RollPlan again = RollPlanner.create(w.policy).plan(request.resume(
        w.array.await(w.array.capabilities(w.store)), w.inventory()));
    assertThat(run(w, again, new RollListener() {}).succeeded()).isTrue();
    assertThat(w.versions()).hasSize(80).allSatisfy((vm, c) -> assertThat(c).isEqualTo(B));
  }
}
