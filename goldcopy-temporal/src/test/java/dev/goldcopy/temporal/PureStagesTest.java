package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.plan.Adoption;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.temporal.wire.PolicyDto;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.LimitReachedException;
import dev.goldcopy.spi.TransientArrayException;
import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.CapabilitiesDto;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.PlanResult;
import dev.goldcopy.temporal.wire.StepDto;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workflow's pure stages, one at a time: ownership, drift, failure mapping, ids. */
class PureStagesTest {
  private static final Map<String, String> OURS =
      Map.of(Ownership.MANAGED_BY, Ownership.GOLDCOPY, Ownership.OWNER, "goldcopy");

  private static ContainerDto origin() {
    return new ContainerDto("1", "gold", ContainerKind.PHYSICAL_MASTER, "win11", "1", "g", null,
        1, ContainerState.READY, Map.of());
  }

  private static ContainerDto clone(String id, String name, Map<String, String> labels) {
    return new ContainerDto(id, name, ContainerKind.VIRTUAL_COPY, "win11", "1", null, "1", 1,
        ContainerState.READY, labels);
  }

  private static ObservationDto observation(int limit, ContainerDto... containers) {
    return new ObservationDto(
        CapabilitiesDto.of(ArrayCapabilities.builder().maxVirtualCopiesPerSource(limit).build()),
        List.of(containers));
  }

  private static StoreStep cloneStep(String vm, List<String> deps) {
    return new StoreStep(new StepDto(StepDto.Kind.CLONE, "clone:" + vm, vm, deps, "r", "gold", vm,
        null, "win11", "1", 0, 0, null, null));
  }

  private static StepDto deleteStep(String id, String name) {
    return new StepDto(StepDto.Kind.DELETE, "delete:" + name, name, List.of(), "r", null, null,
        null, null, null, 0, 0, id, DeleteContainer.Cause.VM_REMOVED);
  }

  private record StoreStep(StepDto dto) {}

  private static PlanDto plan(List<StepDto> steps) {
    return new PlanDto("acme", "pool-1", steps, List.of(), List.of(), List.of());
  }

  @Test
  void deletionsOfWhatThisControlPlaneDoesNotOwnAreLeftOutWithTheirDependents() {
    ObservationDto obs = observation(8, origin(), clone("2", "vm-1", OURS),
        clone("3", "x-1", Map.of("team", "other")));
    List<StepDto> steps = new ArrayList<>();
    steps.add(deleteStep("3", "x-1"));
    steps.add(cloneStep("vm-2", List.of("delete:x-1")).dto());
    steps.add(deleteStep("2", "vm-1"));
    steps.add(cloneStep("vm-3", List.of()).dto());

    PlanResult result = OwnershipFilter.filter(plan(steps), obs, OwnerId.of("goldcopy"));

    assertThat(java.util.Objects.requireNonNull(result.plan()).steps()).extracting(StepDto::id)
        .containsExactly("delete:vm-1", "clone:vm-3");
    assertThat(result.leftInPlace()).containsExactly("x-1");
    assertThat(result.held()).singleElement().asString()
        .startsWith("clone:vm-2: waits for deleting x-1");
    assertThat(OwnershipFilter.filter(plan(steps), obs, OwnerId.of("another-owner")).leftInPlace())
        .containsExactly("x-1", "vm-1");
  }

  @Test
  void aCopyThatFailedForGoodStopsItsClonesButNotTheDeletionOfWhatItLeft() {
    StepDto delete = new StepDto(StepDto.Kind.DELETE, "delete:win11-r001", "win11-r001",
        List.of(), "a failed copy", null, null, "win11", null, null, 0, 1, "sim-7", null);
    StepDto copy = new StepDto(StepDto.Kind.REPLICA, "replica:win11-r001", "win11-r001",
        List.of("delete:win11-r001"), "more VMs than the origin serves", "win11-golden", null,
        "win11", "win11", "2026.11", 1L << 30, 1, null, null);
    StepDto clone = new StepDto(StepDto.Kind.CLONE, "clone:vm-9", "vm-9",
        List.of("replica:win11-r001"), "demand", "win11-r001", "vm-9", "win11", "win11",
        "2026.11", 0, 1, null, null);

    assertThat(StepNode.key(delete)).isEqualTo("delete:sim-7").isNotEqualTo(StepNode.key(copy));
    assertThat(StepNode.key(copy)).isEqualTo("win11-r001");
    assertThat(StepNode.key(clone)).isEqualTo("vm-9");
    Map<String, String> failedForGood = Map.of("win11-r001", "stopped incomplete three times");
    // The deletion of the failed copy's leftover still runs; the clone waiting for it does not.
    assertThat(StepNode.issuable(List.of(delete, copy, clone), failedForGood)).isEqualTo(1);
    assertThat(StepNode.issuable(List.of(copy, clone), failedForGood)).isZero();
    assertThat(StepNode.issuable(List.of(delete, copy, clone), Map.of())).isEqualTo(3);
  }

  @Test
  void driftIsWhatChangedForTheStepsLeftGivenTheStepsDone() {
    ObservationDto approvedOn = observation(8, origin(), clone("2", "vm-1", OURS));
    List<StepDto> steps = List.of(cloneStep("vm-2", List.of()).dto(),
        cloneStep("vm-3", List.of()).dto());
    ApprovedPlanDto approved = Approvals.approve(plan(steps), approvedOn);

    assertThat(DriftCheck.drift(approved, Set.of(), approvedOn)).isNull();
    // Our own first step done: the master serves one more, as expected.
    ObservationDto afterOwnStep =
        observation(8, origin(), clone("2", "vm-1", OURS), clone("4", "vm-2", OURS));
    assertThat(DriftCheck.drift(approved, Set.of("clone:vm-2"), afterOwnStep)).isNull();
    // The same store before the step was recorded as done: an earlier attempt, not drift.
    assertThat(DriftCheck.drift(approved, Set.of(), afterOwnStep)).isNull();
    // Someone else's clone on the master.
    ObservationDto foreign = observation(8, origin(), clone("2", "vm-1", OURS),
        clone("5", "x-1", Map.of()));
    assertThat(DriftCheck.drift(approved, Set.of(), foreign))
        .isEqualTo("gold serves 2 virtual copies; the plan expected 1");
    // A lowered limit.
    assertThat(DriftCheck.drift(approved, Set.of(), observation(4, origin(),
        clone("2", "vm-1", OURS)))).startsWith("the per-source clone limit is now 4");
    // The master is gone.
    assertThat(DriftCheck.drift(approved, Set.of(), observation(8))).startsWith("gold is gone");
  }

  @Test
  void arrayErrorsMapOntoTemporalFailuresAsTheRetryPolicySays() {
    RetryPolicy retry = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(1)).seed(3).build();
    ApplicationFailure busy = ArrayFailures.toFailure(
        new BusyException("busy", Duration.ofSeconds(7)), retry, 1, "k");
    assertThat(busy.isNonRetryable()).isFalse();
    assertThat(busy.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));

    ApplicationFailure lost = ArrayFailures.toFailure(new TransientArrayException("lost"), retry, 2, "k");
    assertThat(lost.isNonRetryable()).isFalse();
    assertThat(lost.getNextRetryDelay()).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
    assertThat(ArrayFailures.toFailure(new TransientArrayException("lost"), retry, 2, "k")
        .getNextRetryDelay()).isEqualTo(lost.getNextRetryDelay());

    ApplicationFailure limit = ArrayFailures.toFailure(
        new LimitReachedException(LimitReachedException.Scope.PER_SOURCE, 8, "full"), retry, 1, "k");
    assertThat(limit.isNonRetryable()).isTrue();
    assertThat(limit.getType()).isEqualTo(LimitReachedException.class.getName());
    assertThat(limit.getDetails().get(String.class)).isEqualTo("PER_SOURCE");
    assertThat(ArrayFailures.toFailure(new IllegalArgumentException("bad name"), retry, 1, "k")
        .isNonRetryable()).isTrue();
    assertThat(ArrayFailures.toFailure(new IllegalStateException("socket"), retry, 1, "k")
        .isNonRetryable()).isFalse();
    assertThat(RetryMapping.retryOptions(retry).getDoNotRetry())
        .contains(LimitReachedException.class.getName());
    assertThat(RetryMapping.retryOptions(retry).getMaximumAttempts()).isEqualTo(8);
  }

  @Test
  void aPolicyCrossesTemporalAsDataOnly() {
    PlanningPolicy policy = PlanningPolicy.builder().owner(OwnerId.of("team-a")).cloneRatio(4)
        .build();
    assertThat(PolicyDto.of(policy).toPolicy()).isEqualTo(policy);
    assertThatThrownBy(() -> PolicyDto.of(PlanningPolicy.builder()
        .adoption(Adoption.matching("old volumes", c -> true)).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy.adoption");
  }

  @Test
  void workflowIdsAreOnePerStoreAndNeverShared() {
    assertThat(StoreWorkflowIds.of(dev.goldcopy.spi.StoreRef.of("acme", "pool-1")))
        .isEqualTo("goldcopy-store/acme/pool-1");
    assertThat(StoreWorkflowIds.of("a/b", "c")).isNotEqualTo(StoreWorkflowIds.of("a", "b/c"));
    assertThat(StoreWorkflowIds.of("a%2Fb", "c")).isNotEqualTo(StoreWorkflowIds.of("a/b", "c"));
  }
}
