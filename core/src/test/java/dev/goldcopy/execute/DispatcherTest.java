package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static dev.goldcopy.execute.StageFixture.deleteStep;
import static dev.goldcopy.execute.StageFixture.replicaStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final StageFixture f = new StageFixture();
  private final Dispatcher dispatcher = f.dispatcher(ErrorPolicy.CONTINUE);

  private static List<String> kinds(List<ExecutionEvent> events, Class<?> type) {
    return events.stream()
        .filter(type::isInstance)
        .map(e -> e instanceof ExecutionEvent.StepStarted s ? s.step().id() : e.toString())
        .toList();
  }

  @Test
  void issuesNoMoreClonesAtOnceThanTheRoundsCap() {
    List<PlanStep> steps =
        List.of(
            cloneStep("vm-1", "golden"),
            cloneStep("vm-2", "golden"),
            cloneStep("vm-3", "golden"),
            cloneStep("vm-4", "golden"));
    Round r = f.round(steps, 1, 2);

    f.inMailbox(() -> dispatcher.start(r));

    assertThat(r.virtualInFlight).isEqualTo(2);
    assertThat(kinds(f.events, ExecutionEvent.StepStarted.class))
        .containsExactly("clone-vm-1", "clone-vm-2");
    f.loop.runUntilIdle();
    assertThat(r.graph.nodes()).allMatch(n -> n.status == Status.DONE);
    assertThat(r.successes).isEqualTo(4);
    assertThat(f.ledger.madeCloneNames()).containsExactly(
        "vm-1", "vm-2", "vm-3", "vm-4");
    assertThat(f.calls.inFlight()).isZero();
  }

  @Test
  void aCloneOfANewReplicaStartsOnceTheReplicaIsReady() {
    Round r =
        f.round(
            List.of(replicaStep("r1", "golden"), cloneStep("vm-1", "r1", "replica-r1"), cloneStep("vm-2", "golden")),
            2,
            4);

    f.inMailbox(() -> dispatcher.start(r));
    assertThat(kinds(f.events, ExecutionEvent.StepStarted.class))
        .containsExactly("replica-r1", "clone-vm-2");
    f.loop.runUntilIdle();

    assertThat(kinds(f.events, ExecutionEvent.StepStarted.class))
        .containsExactly("replica-r1", "clone-vm-2", "clone-vm-1");
    assertThat(r.view.named("r1")).isNotNull();
    assertThat(f.ledger.progress(0, 0).replicas().done()).isEqualTo(1);
  }

  @Test
  void aSourceThatIsNotOnTheArrayFailsTheStepAndAsksForANewPlan() {
    Round r = f.round(List.of(cloneStep("vm-1", "nowhere")), 2, 4);

    f.inMailbox(() -> dispatcher.start(r));

    StepNode n = r.graph.nodes().get(0);
    assertThat(n.status).isEqualTo(Status.FAILED);
    assertThat(n.failure).isEqualTo("its source nowhere is not on the array");
    assertThat(r.replanRequested).isTrue();
    assertThat(f.array.calls).isEmpty();
  }

  @Test
  void theOriginIsNeverDeletedWhateverThePlanSays() {
    Round r = f.round(List.of(deleteStep(f.origin)), 2, 4);

    f.inMailbox(() -> dispatcher.start(r));
    f.loop.runUntilIdle();

    assertThat(r.graph.nodes().get(0).failure).isEqualTo("refused: golden is the origin of its group");
    assertThat(f.array.calls).isEmpty();
  }

  @Test
  void aDeletionFreesItsDependentsAndIsCounted() {
    Container old =
        f.loop.await(
            f.array
                .createVirtualCopy(f.array.store, f.origin.id(), "vm-9",
                    dev.goldcopy.plan.Ownership.clone(dev.goldcopy.plan.OwnerId.DEFAULT,
                        dev.goldcopy.plan.VmId.of("vm-9"), StageFixture.CONTENT, "golden", false))
                .toCompletableFuture());
    Round r = f.round(List.of(deleteStep(old), cloneStep("vm-1", "golden", "delete-vm-9")), 2, 4);

    f.inMailbox(() -> dispatcher.start(r));
    f.loop.runUntilIdle();

    assertThat(f.array.find("vm-9")).isNull();
    assertThat(f.array.find("vm-1")).isNotNull();
    assertThat(f.ledger.progress(0, 0).deletions().done()).isEqualTo(1);
    assertThat(r.successes).isEqualTo(2);
  }

  @Test
  void nothingIsIssuedOnceTheRunIsStopping() {
    Round r = f.round(List.of(cloneStep("vm-1", "golden")), 2, 4);
    f.run.stop(Outcome.CANCELLED, "cancelled");

    f.inMailbox(() -> dispatcher.start(r));

    assertThat(dispatcher.issuing(r)).isFalse();
    assertThat(f.array.calls).isEmpty();
    assertThat(r.readyClones).hasSize(1);
  }
}
