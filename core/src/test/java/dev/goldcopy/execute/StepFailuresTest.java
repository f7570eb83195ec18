package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static dev.goldcopy.execute.StageFixture.replicaStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.CopyFailedException;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StepFailuresTest {
  private final StageFixture f = new StageFixture(4, 2, 3);

  private StepFailures failures(Dispatcher d, ErrorPolicy policy) {
    return new StepFailures(f.calls, f.retrier, f.ledger, f.listeners, policy, f.run, d);
  }

  /** A round of a replica and a clone on it; the replica's call was issued once. */
  private Round replicaIssued() {
    Round r = f.round(List.of(replicaStep("r1", "golden"), cloneStep("vm-1", "r1", "replica-r1")), 2, 4);
    StepNode n = r.graph.nodes().get(0);
    n.attempts = 1;
    n.status = Status.RUNNING;
    n.source = f.origin.id();
    return r;
  }

  private void failReplica(Round r, StepFailures failures, @Nullable Throwable error) {
    f.inMailbox(() -> failures.failed(r, r.graph.nodes().get(0), error));
  }

  @Test
  void aRetryableErrorWaitsAndQueuesTheStepFirst() {
    Dispatcher d = f.dispatcher(ErrorPolicy.CONTINUE);
    Round r = replicaIssued();

    failReplica(r, failures(d, ErrorPolicy.CONTINUE), new BusyException("busy", Duration.ofSeconds(7)));
    StepNode n = r.graph.nodes().get(0);
    assertThat(n.status).isEqualTo(Status.RETRY_WAIT);
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            ExecutionEvent.StepRetried.class,
            e -> {
              assertThat(e.nextAttempt()).isEqualTo(2);
              assertThat(e.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
            });
    f.loop.runUntilIdle();

    assertThat(f.array.callsOn("copy", "r1")).isEqualTo(1);
    assertThat(n.status).isEqualTo(Status.DONE);
  }

  @Test
  void spentRetriesFailTheStepForThisRoundAndBlockWhatDependsOnIt() {
    Dispatcher d = f.dispatcher(ErrorPolicy.CONTINUE);
    Round r = replicaIssued();
    r.graph.nodes().get(0).attempts = 3;

    failReplica(r, failures(d, ErrorPolicy.CONTINUE), new TransientArrayException("lost"));

    StepNode replica = r.graph.nodes().get(0);
    StepNode clone = r.graph.nodes().get(1);
    assertThat(replica.status).isEqualTo(Status.FAILED);
    assertThat(clone.status).isEqualTo(Status.FAILED);
    assertThat(clone.failure)
        .isEqualTo("depends on replica r1, which failed: TransientArrayException: lost");
    assertThat(f.ledger.vmFailure(VmId.of("vm-1"))).isEqualTo(clone.failure);
    assertThat(f.ledger.failedForGood("r1")).isNull();
    assertThat(r.replanRequested).isFalse();
    // a later round may mend it: a retry is told, not a failure
    assertThat(f.events).filteredOn(ExecutionEvent.StepFailed.class::isInstance).isEmpty();
    assertThat(f.events).filteredOn(ExecutionEvent.StepRetried.class::isInstance).hasSize(1);
    assertThat(f.ledger.deferred()).containsOnlyKeys("r1");
  }

  @Test
  void aConflictAsksForANewPlanAndAPermanentErrorFailsForGood() {
    Dispatcher d = f.dispatcher(ErrorPolicy.CONTINUE);
    Round first = replicaIssued();
    failReplica(first, failures(d, ErrorPolicy.CONTINUE), new ConflictException("exists"));
    assertThat(first.replanRequested).isTrue();
    assertThat(f.ledger.failedForGood("r1")).isNull();

    Round second = replicaIssued();
    failReplica(second, failures(d, ErrorPolicy.CONTINUE), new AccessDeniedException("no"));
    assertThat(second.replanRequested).isFalse();
    assertThat(f.ledger.failedForGood("r1")).isEqualTo("AccessDeniedException: no");
  }

  @Test
  void theFirstErrorStopsTheRunUnderStopAtFirstError() {
    Dispatcher d = f.dispatcher(ErrorPolicy.STOP_AT_FIRST_ERROR);
    Round r = replicaIssued();

    failReplica(r, failures(d, ErrorPolicy.STOP_AT_FIRST_ERROR), new AccessDeniedException("no"));

    assertThat(f.run.stoppedAs).isEqualTo(Outcome.FAILED);
    assertThat(f.run.stopReason)
        .isEqualTo("stopped at the first error: replica r1: AccessDeniedException: no");
  }

  @Test
  void aFailureAfterAStopOnlyPutsTheStepBack() {
    Dispatcher d = f.dispatcher(ErrorPolicy.CONTINUE);
    Round r = replicaIssued();
    f.run.stop(Outcome.CANCELLED, "cancelled");

    failReplica(r, failures(d, ErrorPolicy.CONTINUE), new BusyException("busy"));

    assertThat(r.graph.nodes().get(0).status).isEqualTo(Status.WAITING);
    assertThat(f.retrier.retries()).isZero();
    assertThat(f.events).isEmpty();
    // it started, so unless a later round makes it, the end of the run tells it failed
    assertThat(f.ledger.deferred()).containsOnlyKeys("r1");
    assertThat(f.ledger.deferred().values()).extracting(RunLedger.Deferred::why)
        .containsExactly("BusyException: busy");
  }

  @Test
  void aFailedCopyIsDeletedThenMadeAgain() {
    Dispatcher d = f.dispatcher(ErrorPolicy.CONTINUE);
    Round r = replicaIssued();
    dev.goldcopy.spi.Container failed =
        f.array.createPhysicalCopy(f.array.store, f.origin.id(), "r1", dev.goldcopy.spi.Labels.empty())
            .toCompletableFuture()
            .getNow(null);
    assertThat(failed).isNull(); // still copying; its id is the one the error names
    ContainerId id = java.util.Objects.requireNonNull(f.array.find("r1")).id();

    failReplica(r, failures(d, ErrorPolicy.CONTINUE), new CopyFailedException(id, "failed"));
    f.loop.runUntilIdle();

    assertThat(f.array.callsOn("delete", "r1")).isEqualTo(1);
    assertThat(f.array.callsOn("copy", "r1")).isEqualTo(2);
    assertThat(r.graph.nodes()).allMatch(n -> n.status == Status.DONE);
    assertThat(f.retrier.retries()).isEqualTo(1);
    assertThat(f.ledger.totals(0, 0, Duration.ZERO).deletions()).isEqualTo(1);
  }

  @Test
  void aBusyAnswerOnTheDeleteOfAFailedCopyIsRetried() {
    Dispatcher d = f.dispatcher(ErrorPolicy.STOP_AT_FIRST_ERROR);
    Round r = replicaIssued();
    var unused =
        f.array.createPhysicalCopy(f.array.store, f.origin.id(), "r1", dev.goldcopy.spi.Labels.empty());
    ContainerId id = java.util.Objects.requireNonNull(f.array.find("r1")).id();
    f.array.failNext("r1", new BusyException("busy", Duration.ofSeconds(4)));

    failReplica(r, failures(d, ErrorPolicy.STOP_AT_FIRST_ERROR), new CopyFailedException(id, "failed"));
    f.loop.runUntilIdle();

    assertThat(f.array.calls)
        .filteredOn(c -> c.operation().equals("delete"))
        .extracting(FakeArray.Call::outcome)
        .containsExactly("scripted", "ok");
    assertThat(f.run.stoppedAs).isNull();
    assertThat(r.graph.nodes()).allMatch(n -> n.status == Status.DONE);
    assertThat(f.retrier.retries()).isEqualTo(2);
  }
}
