package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.TransientArrayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor's behaviour on a small scripted array with a small planner. */
class ReplicationExecutorTest {
  private final VirtualLoop loop = new VirtualLoop();
  private final FakeArray array = new FakeArray(loop, 4, 2);
  private final Container origin = array.createOrigin("golden");
  private final List<ExecutionEvent> events = new ArrayList<>();

  private ReplicationExecutor.Builder builder() {
    return ReplicationExecutor.builder(array)
        .planFunction(new TinyPlanner())
        .executor(Runnable::run)
        .scheduler(loop)
        .clock(loop.clock())
        .retryPolicy(
            RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofSeconds(1)).seed(7).build())
        .listener(events::add);
  }

  private Demand demand(int count) {
    return Demand.of(array.content, "vm", count);
  }

  private ExecutionResult run(ReplicationExecutor executor, Demand demand) {
    return loop.await(executor.start(array.store, demand).result());
  }

  private static <T> long count(List<ExecutionEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).count();
  }

  @Test
  void provisionsEveryVmWithinThePerSourceLimit() {
    ExecutionResult r = run(builder().build(), demand(10));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.vms()).hasSize(10).allSatisfy((vm, o) -> assertThat(o).isInstanceOf(VmOutcome.Provisioned.class));
    assertThat(r.totals().replicasMade()).isEqualTo(2);
    assertThat(r.totals().clonesMade()).isEqualTo(10);
    assertThat(r.undone()).isEmpty();
    for (Container c : array.containers()) {
      assertThat(array.peakClones(c.id())).isLessThanOrEqualTo(4);
      assertThat(c.state()).isEqualTo(ContainerState.READY);
    }
    assertThat(array.peakPhysicalInProgress).isLessThanOrEqualTo(2);
    assertThat(events.get(events.size() - 1)).isInstanceOf(ExecutionEvent.RunFinished.class);
  }

  @Test
  void clonesOnTheOriginStartBeforeTheReplicasFinish() {
    ExecutionResult r = run(builder().build(), demand(10));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    FakeArray.Call firstClone =
        array.calls.stream().filter(c -> c.operation().equals("clone")).findFirst().orElseThrow();
    assertThat(firstClone.at()).isBefore(loop.clock().instant().minus(FakeArray.COPY_TIME));
    // replicas both copy at once (the array allows 2), and the run takes about one copy round
    assertThat(r.totals().elapsed()).isLessThan(FakeArray.COPY_TIME.multipliedBy(2));
  }

  @Test
  void aSecondRunFindsNothingToDo() {
    run(builder().build(), demand(6));
    int callsBefore = array.calls.size();

    ExecutionResult again = run(builder().build(), demand(6));

    assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(array.calls).hasSize(callsBefore);
    assertThat(again.vms().values()).allMatch(o -> o instanceof VmOutcome.AlreadyThere);
    assertThat(again.vms().get(VmId.of("vm-00001")))
        .isInstanceOfSatisfying(
            VmOutcome.AlreadyThere.class, a -> assertThat(a.masterName()).isNotBlank());
  }

  @Test
  void scaleDownDeletesRemovedVmsClones() {
    run(builder().build(), demand(6));

    ExecutionResult r = run(builder().build(), demand(3));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.totals().deletions()).isEqualTo(3);
    assertThat(array.find("vm-00004")).isNull();
    assertThat(array.find("vm-00003")).isNotNull();
  }

  @Test
  void busyIsRetriedNoSoonerThanTheArrayAsks() {
    array.failNext("vm-00001", new BusyException("busy", Duration.ofSeconds(30)));

    ExecutionResult r = run(builder().build(), demand(2));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    List<FakeArray.Call> attempts =
        array.calls.stream().filter(c -> c.name().equals("vm-00001")).toList();
    assertThat(attempts).hasSize(2);
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    ExecutionEvent.StepRetried retried =
        events.stream()
            .filter(ExecutionEvent.StepRetried.class::isInstance)
            .map(ExecutionEvent.StepRetried.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(retried.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(retried.nextAttempt()).isEqualTo(2);
    assertThat(r.totals().retries()).isEqualTo(1);
  }

  @Test
  void transientErrorsAreRetriedUpToTheLimitThenTheStepFails() {
    for (int i = 0; i < 12; i++) {
      array.failNext("vm-00002", new TransientArrayException("lost"));
    }

    ExecutionResult r = run(builder().build(), demand(2));

    assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(r.vms().get(VmId.of("vm-00001"))).isInstanceOf(VmOutcome.Provisioned.class);
    // retries of a transient error are spent: work left that a rerun carries on
    assertThat(r.vms().get(VmId.of("vm-00002"))).isInstanceOf(VmOutcome.Unfinished.class);
    // 4 attempts per round, and a step whose retries are spent gets 3 rounds
    assertThat(array.callsOn("clone", "vm-00002"))
        .isEqualTo(4L * ExecutionRun.REPEATABLE_FAILURE_LIMIT);
    assertThat(r.undone()).extracting(u -> u.step().id()).containsExactly("clone-vm-00002");
  }

  @Test
  void nonRetryableErrorsAreNotRetried() {
    array.failNext("vm-00002", new AccessDeniedException("denied"));

    ExecutionResult r = run(builder().build(), demand(3));

    assertThat(array.callsOn("clone", "vm-00002")).isEqualTo(1);
    assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(r.vms().get(VmId.of("vm-00002")))
        .isInstanceOfSatisfying(
            VmOutcome.Failed.class, f -> assertThat(f.why()).contains("AccessDenied"));
    assertThat(r.vms().get(VmId.of("vm-00003"))).isInstanceOf(VmOutcome.Provisioned.class);
    assertThat(r.totals().retries()).isZero();
    assertThat(r.totals().faultsSeen()).isEqualTo(1);
  }

  @Test
  void continueGoesOnWithIndependentWorkWhileStopAtFirstErrorStops() {
    array.failNext("vm-00001", new AccessDeniedException("no"));
    ExecutionResult goOn = run(builder().build(), demand(8));
    assertThat(goOn.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(goOn.vms().values().stream().filter(VmOutcome.Provisioned.class::isInstance))
        .hasSize(7);

    VirtualLoop otherLoop = new VirtualLoop();
    FakeArray other = new FakeArray(otherLoop, 4, 2);
    other.createOrigin("golden");
    other.failNext("vm-00001", new AccessDeniedException("no"));
    ExecutionResult stopped =
        otherLoop.await(
            ReplicationExecutor.builder(other)
                .planFunction(new TinyPlanner())
                .executor(Runnable::run)
                .scheduler(otherLoop)
                .clock(otherLoop.clock())
                .maxConcurrentVirtualCopies(1)
                .errorPolicy(ErrorPolicy.STOP_AT_FIRST_ERROR)
                .build()
                .start(other.store, demand(8))
                .result());
    assertThat(stopped.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(stopped.totals().clonesMade()).isLessThan(7);
    assertThat(stopped.vms().values()).anyMatch(VmOutcome.Unfinished.class::isInstance);
    assertThat(stopped.undone()).isNotEmpty();
  }

  @Test
  void aLimitTheArrayHitsBelowItsDeclaredOneFailsTheStepAndTriggersAReplan() {
    array.failNext(
        "vm-00003",
        new LimitReachedException(LimitReachedException.Scope.PER_SOURCE, 3, "lower than declared"));

    ExecutionResult r = run(builder().build(), demand(6));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(array.callsOn("clone", "vm-00003")).isEqualTo(2);
    assertThat(r.totals().rounds()).isEqualTo(3);
    // the step failed for a round and succeeded in the next: a retry, never a StepFailed
    assertThat(count(events, ExecutionEvent.StepFailed.class)).isZero();
    assertThat(count(events, ExecutionEvent.StepRetried.class)).isEqualTo(1);
    assertThat(r.vms().get(VmId.of("vm-00003"))).isInstanceOf(VmOutcome.Provisioned.class);
  }

  @Test
  void aFailedCopyIsDeletedAndMadeAgain() {
    array.failCopy("win11-2026.11-r1", 1);

    ExecutionResult r = run(builder().build(), demand(8));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(array.callsOn("copy", "win11-2026.11-r1")).isEqualTo(2);
    assertThat(array.callsOn("delete", "win11-2026.11-r1")).isEqualTo(1);
    assertThat(requireNonNull(array.find("win11-2026.11-r1")).state()).isEqualTo(ContainerState.READY);
    assertThat(r.totals().retries()).isEqualTo(1);
  }

  @Test
  void theDeadlineStopsTheRun() {
    ExecutionResult r = run(builder().deadline(Duration.ofSeconds(5)).build(), demand(12));

    assertThat(r.outcome()).isEqualTo(Outcome.DEADLINE_EXCEEDED);
    assertThat(r.vms().values()).anyMatch(VmOutcome.Unfinished.class::isInstance);
    assertThat(array.containers()).allMatch(c -> c.state() == ContainerState.READY);
  }

  @Test
  void aThrowingListenerNeitherBreaksTheRunNorStarvesOtherListeners() {
    List<ExecutionEvent> seen = new ArrayList<>();
    ExecutionResult r =
        run(
            builder()
                .listener(
                    e -> {
                      throw new IllegalStateException("listener bug");
                    })
                .listener(seen::add)
                .build(),
            demand(5));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(count(seen, ExecutionEvent.StepStarted.class)).isEqualTo(6);
    assertThat(count(seen, ExecutionEvent.StepFinished.class)).isEqualTo(6);
    assertThat(count(seen, ExecutionEvent.RunFinished.class)).isEqualTo(1);
  }

  @Test
  void progressIsReadableDuringAndAfterTheRun() {
    ExecutionHandle h = builder().build().start(array.store, demand(10));
    List<ProgressSnapshot> during = new ArrayList<>();
    while (!h.result().isDone() && loop.step()) {
      during.add(h.progress());
    }
    ExecutionResult r = h.result().join();

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(during).anyMatch(p -> p.inFlight() > 0 && !p.isComplete());
    assertThat(during)
        .anyMatch(p -> p.clones().total() == 10 && p.replicas().total() == 2);
    ProgressSnapshot end = h.progress();
    assertThat(end.isComplete()).isTrue();
    assertThat(end.clones()).isEqualTo(new StepProgress(10, 10));
    assertThat(end.replicas()).isEqualTo(new StepProgress(2, 2));
    assertThat(end.inFlight()).isZero();
    assertThat(end.rounds()).isEqualTo(2);
  }

  @Test
  void cancelStopsIssuingAndLeavesNothingHalfMade() {
    array.failNext("win11-2026.11-r1", new TransientArrayException("lost"));
    ExecutionHandle h = builder().build().start(array.store, demand(12));
    loop.step();
    loop.step();
    h.cancel();
    ExecutionResult r = loop.await(h.result());

    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(array.containers()).allMatch(c -> c.state() == ContainerState.READY);
    assertThat(array.find("golden")).isNotNull();
    assertThat(r.vms().values()).anyMatch(VmOutcome.Unfinished.class::isInstance);
    int calls = array.calls.size();
    loop.runUntilIdle();
    assertThat(array.calls).hasSize(calls);
  }

  @Test
  void anAbandonedRunIsResumedByAFreshExecutorWithoutDuplicates() {
    // a short lease, so the crashed run's lease expires while its copy is still in progress
    ExecutionRun crashed =
        (ExecutionRun) builder().leaseTimeToLive(Duration.ofSeconds(1)).build().start(array.store, demand(12));
    loop.schedule(Duration.ofSeconds(3), crashed::abandon);
    loop.runUntilIdle();
    assertThat(crashed.result()).isNotDone();
    assertThat(array.containers()).anyMatch(c -> c.state() == ContainerState.READY && !c.isMaster());

    ExecutionResult r = run(builder().build(), demand(12));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(array.containers().stream().filter(c -> !c.isMaster())).hasSize(12);
    assertThat(array.containers().stream().filter(Container::isMaster)).hasSize(3);
    assertThat(array.calls.stream().filter(c -> c.outcome().equals("conflict"))).isEmpty();
  }

  @Test
  void aCopyInProgressFromACrashedRunIsAwaitedNotRemade() {
    ExecutionRun crashed = (ExecutionRun) builder().build().start(array.store, demand(12));
    loop.schedule(Duration.ofSeconds(2), crashed::abandon);
    loop.await(
        new java.util.concurrent.CompletableFuture<Void>() {
          {
            loop.schedule(Duration.ofSeconds(2), () -> complete(null));
          }
        });
    assertThat(array.containers()).anyMatch(c -> c.state() == ContainerState.COPYING);

    ExecutionResult r = run(builder().leaseTimeToLive(Duration.ofSeconds(1)).build(), demand(12));

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    // the crashed run's copy, then at most the new run's ask for it (none if it had completed)
    assertThat(array.callsOn("copy", "win11-2026.11-r1")).isBetween(1L, 2L);
    assertThat(array.calls.stream().filter(c -> c.operation().equals("copy")))
        .allMatch(c -> c.outcome().equals("ok") || c.outcome().equals("exists"));
    assertThat(array.containers().stream().filter(c -> !c.isMaster())).hasSize(12);
  }

  @Test
  void neverDeletesTheOriginOrAMasterWithClonesWhateverThePlanSays() {
    run(builder().build(), demand(3));
    Container clone = requireNonNull(array.find("vm-00001"));
    ReplicationPlan bad =
        new ReplicationPlan(
            array.store,
            List.of(
                new DeleteContainer("d1", origin.id(), origin.name(),
                    DeleteContainer.Cause.REPLICA_RETIRED, List.of(), "bad plan"),
                new DeleteContainer("d2", requireNonNull(clone.source()), "master",
                    DeleteContainer.Cause.REPLICA_RETIRED, List.of(), "bad plan")),
            List.of());
    int calls = array.calls.size();

    ExecutionResult r =
        run(builder().planFunction(input -> bad).build(), demand(3));

    assertThat(array.find("golden")).isNotNull();
    assertThat(array.calls).hasSize(calls);
    assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(r.undone()).extracting(UndoneStep::why).allMatch(w -> w.startsWith("refused"));
  }

  @Test
  void aPlannerThatRefusesTheInputFailsTheRun() {
    ExecutionResult r =
        run(
            builder()
                .planFunction(
                    input -> {
                      throw new IllegalArgumentException("demand.vms: unknown image");
                    })
                .build(),
            demand(3));

    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    // a planning error is not mended by running again
    assertThat(r.vms().values()).allMatch(VmOutcome.Failed.class::isInstance);
    assertThat(array.calls).isEmpty();
  }

  @Test
  void anInventoryThatCannotBeReadFailsTheRunAfterRetries() {
    for (int i = 0; i < 4; i++) {
      array.failNext("inventory", new TransientArrayException("timeout"));
    }
    ExecutionResult r = run(builder().build(), demand(3));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.totals().retries()).isEqualTo(3);

    array.failNext("inventory", new TransientArrayException("timeout"));
    assertThat(run(builder().build(), demand(3)).outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void theCallersCapBoundsPhysicalCopiesInProgress() {
    FakeArray wide = new FakeArray(loop, 2, 0);
    wide.createOrigin("golden");
    ExecutionResult r =
        loop.await(
            ReplicationExecutor.builder(wide)
                .planFunction(new TinyPlanner())
                .executor(Runnable::run)
                .scheduler(loop)
                .clock(loop.clock())
                .maxConcurrentPhysicalCopies(3)
                .build()
                .start(wide.store, demand(20))
                .result());

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(wide.peakPhysicalInProgress).isEqualTo(3);
  }

  @Test
  @SuppressWarnings("NullAway") // passes nulls on purpose
  void refusesBadConfigurationAndArgumentsNamingTheField() {
    ReplicationExecutor executor = builder().build();
    assertThatThrownBy(() -> ReplicationExecutor.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("adapter");
    assertThatThrownBy(() -> executor.start(null, demand(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> executor.start(array.store, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("demand");
    assertThatThrownBy(() -> executor.execute(array.store, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("demand");
    assertThatThrownBy(() -> builder().maxConcurrentPhysicalCopies(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentPhysicalCopies");
    assertThatThrownBy(() -> builder().maxConcurrentVirtualCopies(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentVirtualCopies");
    assertThatThrownBy(() -> builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> builder().listener(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listener");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThat(array.calls).isEmpty();
  }

  @Test
  void theSyncEntryReturnsTheResultOnARealThreadedSetup() {
    FakeArray instant = new FakeArray(new VirtualLoop(), 0, 0);
    instant.createOrigin("golden");
    ExecutionResult r =
        ReplicationExecutor.builder(new ImmediateArray(instant))
            .planFunction(new TinyPlanner())
            .build()
            .execute(instant.store, demand(4));
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.totals().clonesMade()).isEqualTo(4);
  }
}
