package dev.goldcopy.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.goldcopy.spi.ArrayCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Each vendor bug, planted alone in the reference adapter, fails the check named for its rule, and
 * the failure says the rule. Among them are the bugs that the kit used to miss: the full-copy
 * concurrency not enforced, the source of a running copy deletable, the waiters of an aborted copy
 * left hanging, a failed copy that vanishes, and limits broken by concurrent callers.
 */
class PlantedBugsTest {

  static Stream<Arguments> bugs() {
    return Stream.of(
        planted(Bug.PER_SOURCE_OFF_BY_ONE, ArrayAdapterConformanceKit.Limits.class, "perSourceLimitHoldsExactly", "per-source limit holds exactly"),
        planted(Bug.IDEMPOTENCY_IGNORES_SOURCE, ArrayAdapterConformanceKit.Idempotence.class, "sameNameWithAnotherSourceConflicts", "ConflictException"),
        planted(Bug.DELETES_MASTER_WITH_CLONES, ArrayAdapterConformanceKit.Deletion.class, "masterWithVirtualCopiesCannotBeDeletedUntilTheyAreGone", "source of a virtual copy cannot be deleted"),
        planted(Bug.IGNORES_CAPACITY, ArrayAdapterConformanceKit.Limits.class, "exhaustedCapacityIsRefusedAndLeavesNothingHalfMade", "InsufficientCapacityException"),
        planted(Bug.IGNORES_COPY_CONCURRENCY, ArrayAdapterConformanceKit.Concurrency.class, "noMorePhysicalCopiesRunAtOnceThanDeclared", "at most 2 COPYING"),
        planted(Bug.DELETES_SOURCE_OF_RUNNING_COPY, ArrayAdapterConformanceKit.Deletion.class, "sourceOfARunningCopyCannotBeDeleted", "source of a physical copy in progress"),
        planted(Bug.ABORT_LEAVES_WAITERS_HANGING, ArrayAdapterConformanceKit.Deletion.class, "deletingARunningCopyAbortsItAndReleasesItsWaiters", "CopyAbortedException"),
        planted(Bug.FAILED_COPY_VANISHES, ArrayAdapterConformanceKit.Deletion.class, "failedCopyIsListedFailedAndCanBeDeleted", "CopyFailedException"),
        planted(Bug.CHECK_THEN_ACT_RACE, ArrayAdapterConformanceKit.Concurrency.class, "perSourceLimitHoldsUnderConcurrentCallers", "concurrent callers"),
        planted(Bug.DROPS_LABELS, ArrayAdapterConformanceKit.Labelling.class, "labelsAreStoredAtCreationAndListed", "labels given at creation"),
        planted(Bug.LABELS_IN_ADAPTER_MEMORY, ArrayAdapterConformanceKit.Labelling.class, "labelsSurviveARestart", "restarted adapter"),
        planted(Bug.LATER_LABELS_CONFLICT, ArrayAdapterConformanceKit.Labelling.class, "aRepeatedCreateKeepsTheFirstLabels", "first labels"),
        planted(Bug.IGNORES_CONTAINER_TOTAL, ArrayAdapterConformanceKit.Limits.class, "containerTotalHoldsExactly", "ARRAY_CONTAINERS"),
        planted(Bug.REPORTS_NO_USAGE, ArrayAdapterConformanceKit.Limits.class, "usageIsReportedBesideEveryMaximum", "usage"),
        planted(Bug.COUNTS_NAME_CHARACTERS, ArrayAdapterConformanceKit.Boundaries.class, "namesThatBreakTheRulesAreRefusedAtOnce", "name rules"),
        planted(Bug.KEEPS_DELETED_NAMES, ArrayAdapterConformanceKit.Idempotence.class, "aDeletedContainersNameIsFreeAtOnce", "name is free at once"),
        planted(Bug.LISTS_HELPER_SNAPSHOTS, ArrayAdapterConformanceKit.Creation.class, "inventoryListsOnlyWhatWasMade", "no helper object"),
        planted(Bug.LEAKS_HELPER_SNAPSHOTS, ArrayAdapterConformanceKit.Creation.class, "inventoryListsOnlyWhatWasMade", "as many objects as before"),
        planted(Bug.COPIES_OTHER_TENANTS_CONTAINER, ArrayAdapterConformanceKit.Boundaries.class, "anotherTenantsContainerIsRefusedOrHidden", "another tenant"),
        planted(Bug.THROWS_INSTEAD_OF_FAILING_THE_STAGE, ArrayAdapterConformanceKit.Limits.class, "perSourceLimitHoldsExactly", "complete the returned stage exceptionally"),
        planted(Bug.IGNORES_DEPTH, ArrayAdapterConformanceKit.Limits.class, "virtualCopiesChainNoDeeperThanDeclared", "REPLICATION_DEPTH"));
  }

  private static Arguments planted(Bug bug, Class<?> group, String check, String ruleWords) {
    return Arguments.of(bug, group, check, ruleWords);
  }

  @ParameterizedTest(name = "{0} fails {2}")
  @MethodSource("bugs")
  void eachPlantedBugFailsTheCheckForItsRule(Bug bug, Class<?> group, String check, String ruleWords) {
    assertThat(Stream.of(Bug.values())).hasSize(22);
    Throwable failure = runFailing(Set.of(bug), ReferenceFixture.CAPABILITIES, group, check);

    assertThat(failure.getMessage()).contains("Rule:", "Called:", "Expected:", "Happened:").contains(ruleWords);
  }

  @org.junit.jupiter.api.Test
  void clonesOnAnArrayThatDeclaresNoneAreCaught() {
    ArrayCapabilities fullCopiesOnly =
        ReferenceFixture.CAPABILITIES.toBuilder().virtualCopiesSupported(false).build();

    Throwable failure = runFailing(Set.of(Bug.CLONES_WHEN_UNSUPPORTED), fullCopiesOnly,
        ArrayAdapterConformanceKit.Limits.class, "anArrayWithoutVirtualCopiesRefusesThem");

    assertThat(failure.getMessage()).contains("NOT_SUPPORTED");
  }

  @org.junit.jupiter.api.Test
  void withoutThePlantedBugTheSameChecksPass() {
    for (Arguments a : bugs().toList()) {
      Object[] args = a.get();
      EngineExecutionResults results = run(Set.of(), ReferenceFixture.CAPABILITIES, (Class<?>) args[1], (String) args[2]);
      assertThat(results.testEvents().failed().count()).as("%s without a bug", args[2]).isZero();
      assertThat(results.testEvents().succeeded().count()).as("%s without a bug", args[2]).isEqualTo(1);
    }
  }

  private static Throwable runFailing(Set<Bug> bugs, ArrayCapabilities caps, Class<?> group, String check) {
    EngineExecutionResults results = run(bugs, caps, group, check);
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).as("%s with %s planted", check, bugs).hasSize(1);
    Optional<Throwable> thrown = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
    assertThat(thrown).isPresent();
    return thrown.orElseThrow();
  }

  private static synchronized EngineExecutionResults run(
      Set<Bug> bugs, ArrayCapabilities caps, Class<?> group, String check) {
    PlantedKitRun.bugs = bugs;
    PlantedKitRun.capabilities = caps;
    try {
      return EngineTestKit.engine("junit-jupiter")
          .selectors(selectNestedMethod(List.of(PlantedKitRun.class), group, check))
          .execute();
    } finally {
      PlantedKitRun.bugs = Set.of();
      PlantedKitRun.capabilities = ReferenceFixture.CAPABILITIES;
    }
  }
}
