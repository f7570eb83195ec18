package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.TransientArrayException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps whose source another run is still copying wait for it through one repeated create. */
class CopyWaitsTest {
  private final StageFixture f = new StageFixture();
  private final Dispatcher dispatcher = f.dispatcher(ErrorPolicy.CONTINUE);

  /** Another run started copying r1 and died. */
  private Round roundOverACopyInProgress() {
    var unused = f.array.createPhysicalCopy(f.array.store, f.origin.id(), "r1", Labels.empty());
    return f.round(List.of(cloneStep("vm-1", "r1"), cloneStep("vm-2", "r1")), 2, 4);
  }

  @Test
  void everyStepOnACopyInProgressWaitsForOneCallThenRuns() {
    Round r = roundOverACopyInProgress();

    f.inMailbox(() -> dispatcher.start(r));
    assertThat(r.physicalInFlight).isEqualTo(1);
    assertThat(r.awaiting.get("r1")).hasSize(2);
    f.loop.runUntilIdle();

    assertThat(f.array.callsOn("copy", "r1")).isEqualTo(2); // the dead run's and this one
    assertThat(r.graph.nodes()).allMatch(n -> n.status == Status.DONE);
    assertThat(r.awaiting).isEmpty();
    assertThat(r.successes).isEqualTo(3);
  }

  @Test
  void aRetryableFailureOfTheWaitIsRetried() {
    Round r = roundOverACopyInProgress();
    f.array.failNext("r1", new TransientArrayException("lost"));

    f.inMailbox(() -> dispatcher.start(r));
    f.loop.runUntilIdle();

    assertThat(f.retrier.retries()).isEqualTo(1);
    assertThat(r.graph.nodes()).allMatch(n -> n.status == Status.DONE);
  }

  @Test
  void anyOtherFailureEndsTheRoundForANewPlan() {
    Round r = roundOverACopyInProgress();
    f.array.failNext("r1", new AccessDeniedException("no"));

    f.inMailbox(() -> dispatcher.start(r));
    f.loop.runUntilIdle();

    assertThat(r.replanRequested).isTrue();
    assertThat(r.awaiting).isEmpty();
    assertThat(r.graph.nodes()).allMatch(n -> n.status == Status.WAITING);
    assertThat(f.retrier.retries()).isZero();
  }

  @Test
  void aCloneBeingMadeIsNoSource() {
    var unused = f.array.createPhysicalCopy(f.array.store, f.origin.id(), "r1", Labels.empty());
    Round r = f.round(List.of(cloneStep("vm-1", "r1")), 2, 4);
    // a virtual copy cannot be awaited: only a physical copy completes later
    StepNode n = r.graph.nodes().get(0);
    dev.goldcopy.spi.Container notAMaster =
        new dev.goldcopy.spi.Container(
            dev.goldcopy.spi.ContainerId.of("x"),
            "r1",
            dev.goldcopy.spi.ContainerKind.VIRTUAL_COPY,
            StageFixture.CONTENT,
            null,
            f.origin.id(),
            f.array.store,
            10,
            dev.goldcopy.spi.ContainerState.COPYING);
    CopyWaits waits =
        new CopyWaits(
            f.calls,
            f.retrier,
            f.run,
            dispatcher,
            new StepFailures(
                f.calls, f.retrier, f.ledger, f.listeners, ErrorPolicy.CONTINUE, f.run, dispatcher));

    f.inMailbox(() -> waits.await(r, notAMaster, n));

    assertThat(n.status).isEqualTo(Status.FAILED);
    assertThat(n.failure).isEqualTo("its source r1 is not complete");
    assertThat(r.replanRequested).isTrue();
  }
}
