package dev.goldcopy.execute;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stages of a run wired to a {@link FakeArray} on a {@link VirtualLoop}, with a {@link
 * FakeRun} in place of the run's state machine, for the stages' unit tests.
 */
final class StageFixture {
  /** The content and group a {@link FakeArray} holds. */
  static final ContentId CONTENT = ContentId.of("win11", "2026.11");

  static final GroupId GROUP = GroupId.of("win11-2026.11");

  /** Stands in for {@link ExecutionRun}: a phase flag, the stop asked for, the settles. */
  static final class FakeRun implements RunControl {
    boolean running = true;
    @Nullable Outcome stoppedAs;
    @Nullable String stopReason;
    int settles;

    @Override
    public boolean running() {
      return running;
    }

    @Override
    public boolean stopping() {
      return stoppedAs != null;
    }

    @Override
    public void stop(Outcome outcome, String reason) {
      if (stoppedAs == null) {
        stoppedAs = outcome;
        stopReason = reason;
      }
    }

    @Override
    public void drifted(List<Drift> drift) {
      stop(Outcome.DRIFTED, "drifted: " + drift);
    }

    @Override
    public void settle() {
      settles++;
    }
  }

  final VirtualLoop loop = new VirtualLoop();
  final FakeArray array;
  final Container origin;
  final List<Throwable> broken = new ArrayList<>();
  final Mailbox mailbox = new Mailbox(Runnable::run, loop, broken::add);
  final ArrayCalls calls;
  final Retrier retrier;
  final RunLedger ledger = new RunLedger();
  final List<ExecutionEvent> events = new ArrayList<>();
  final Listeners listeners = new Listeners(List.of(events::add), loop.clock());
  final FakeRun run = new FakeRun();

  StageFixture() {
    this(4, 2, 4);
  }

  StageFixture(int perSourceLimit, int copyConcurrency, int maxAttempts) {
    array = new FakeArray(loop, perSourceLimit, copyConcurrency);
    origin = array.createOrigin("golden");
    calls = new ArrayCalls(array, array.store, mailbox, () -> true);
    retrier =
        new Retrier(
            RetryPolicy.builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofSeconds(1))
                .seed(3)
                .build(),
            mailbox);
  }

  Dispatcher dispatcher(ErrorPolicy policy) {
    return new Dispatcher(calls, retrier, ledger, listeners, policy, run,
        new Stewardship(dev.goldcopy.plan.PlanningPolicy.defaults(), dev.goldcopy.plan.Demand.none()));
  }

  /** A round over what the array holds now, with the given caps. */
  Round round(List<PlanStep> steps, int physicalCap, int virtualCap) {
    ReplicationPlan plan = new ReplicationPlan(array.store, steps, List.of());
    return new Round(
        StepGraph.of(plan),
        ArrayView.of(array.inventory(array.store).toCompletableFuture().join()),
        physicalCap,
        virtualCap);
  }

  /** Runs {@code task} as a task of the mailbox, as the run's code always runs. */
  void inMailbox(Runnable task) {
    mailbox.post(task);
  }

  static CreateClone cloneStep(String vm, String master, String... dependsOn) {
    return new CreateClone(
        "clone-" + vm, vm, VmId.of(vm), master, CONTENT, List.of(dependsOn), "t");
  }

  static CreateReplica replicaStep(String name, String source, String... dependsOn) {
    return new CreateReplica(
        "replica-" + name,
        name,
        source,
        GROUP,
        CONTENT,
        1000,
        1,
        List.of(dependsOn),
        "t");
  }

  static DeleteContainer deleteStep(Container c, String... dependsOn) {
    return deleteStep(c.id(), c.name(), dependsOn);
  }

  static DeleteContainer deleteStep(ContainerId id, String name, String... dependsOn) {
    return new DeleteContainer(
        "delete-" + name, id, name, DeleteContainer.Cause.VM_REMOVED, List.of(dependsOn), "t");
  }

}
