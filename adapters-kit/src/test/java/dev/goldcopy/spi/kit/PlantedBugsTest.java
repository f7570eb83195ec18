package dev.goldcopy.spi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

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
        planted(Bug.PER_SOURCE_OFF_BY_ONE, "perSourceLimitHoldsExactly", "per-source limit holds exactly"),
        planted(Bug.IDEMPOTENCY_IGNORES_SOURCE, "sameNameWithAnotherSourceConflicts", "ConflictException"),
        planted(Bug.DELETES_MASTER_WITH_CLONES, "masterWithVirtualCopiesCannotBeDeletedUntilTheyAreGone", "source of a virtual copy cannot be deleted"),
        planted(Bug.IGNORES_CAPACITY, "exhaustedCapacityIsRefusedAndLeavesNothingHalfMade", "InsufficientCapacityException"),
        planted(Bug.IGNORES_COPY_CONCURRENCY, "noMorePhysicalCopiesRunAtOnceThanDeclared", "at most 2 COPYING"),
        planted(Bug.DELETES_SOURCE_OF_RUNNING_COPY, "sourceOfARunningCopyCannotBeDeleted", "source of a physical copy in progress"),
        planted(Bug.ABORT_LEAVES_WAITERS_HANGING, "deletingARunningCopyAbortsItAndReleasesItsWaiters", "CopyAbortedException"),
        planted(Bug.FAILED_COPY_VANISHES, "failedCopyIsListedFailedAndCanBeDeleted", "CopyFailedException"),
        planted(Bug.CHECK_THEN_ACT_RACE, "perSourceLimitHoldsUnderConcurrentCallers", "concurrent callers"),
        planted(Bug.DROPS_LABELS, "labelsAreStoredAtCreationAndListed", "labels given at creation"),
        planted(Bug.LABELS_IN_ADAPTER_MEMORY, "labelsSurviveARestart", "restarted adapter"),
        planted(Bug.LATER_LABELS_CONFLICT, "aRepeatedCreateKeepsTheFirstLabels", "first labels"),
        planted(Bug.IGNORES_CONTAINER_TOTAL, "containerTotalHoldsExactly", "ARRAY_CONTAINERS"),
        planted(Bug.REPORTS_NO_USAGE, "usageIsReportedBesideEveryMaximum", "usage"),
        planted(Bug.COUNTS_NAME_CHARACTERS, "namesThatBreakTheRulesAreRefusedAtOnce", "name rules"),
        planted(Bug.KEEPS_DELETED_NAMES, "aDeletedContainersNameIsFreeAtOnce", "name is free at once"),
        planted(Bug.LISTS_HELPER_SNAPSHOTS, "inventoryListsOnlyWhatWasMade", "no helper object"),
        planted(Bug.LEAKS_HELPER_SNAPSHOTS, "inventoryListsOnlyWhatWasMade", "as many objects as before"),
        planted(Bug.COPIES_OTHER_TENANTS_CONTAINER, "anotherTenantsContainerIsRefusedOrHidden", "another tenant"),
        planted(Bug.THROWS_INSTEAD_OF_FAILING_THE_STAGE, "perSourceLimitHoldsExactly", "complete the returned stage exceptionally"),
        planted(Bug.IGNORES_DEPTH, "virtualCopiesChainNoDeeperThanDeclared", "REPLICATION_DEPTH"),
        planted(Bug.USAGE_OF_OWN_STORE_ONLY, "usageIsReportedBesideEveryMaximum", "another tenant's store"));
  }

  private static Arguments planted(Bug bug, String check, String ruleWords) {
    return Arguments.of(bug, check, ruleWords);
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @MethodSource("bugs")
  void eachPlantedBugFailsTheCheckForItsRule(Bug bug, String check, String ruleWords) {
    assertThat(Stream.of(Bug.values())).hasSize(24);
    Throwable failure = runFailing(Set.of(bug), ReferenceFixture.CAPABILITIES, check);

    assertThat(failure.getMessage()).contains("Rule:", "Called:", "Expected:", "Happened:").contains(ruleWords);
  }

  @org.junit.jupiter.api.Test
  void namesToldApartByCaseOnAnArrayThatIgnoresCaseAreCaught() {
    ArrayCapabilities ignoresCase = ReferenceFixture.CAPABILITIES.toBuilder()
        .nameRules(new dev.goldcopy.spi.NameRules(48, "[A-Za-z0-9_-]+", false)).build();

    Throwable failure = runFailing(Set.of(Bug.CASE_SENSITIVE_NAMES), ignoresCase,
        "namesEqualButForCaseAreOneNameWhereTheArrayIgnoresCase");

    assertThat(failure.getMessage()).contains("same name, kind and source");
    assertThat(run(Set.of(), ignoresCase, "namesEqualButForCaseAreOneNameWhereTheArrayIgnoresCase")
        .testEvents().succeeded().count()).isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void clonesOnAnArrayThatDeclaresNoneAreCaught() {
    ArrayCapabilities fullCopiesOnly =
        ReferenceFixture.CAPABILITIES.toBuilder().virtualCopiesSupported(false).build();

    Throwable failure = runFailing(Set.of(Bug.CLONES_WHEN_UNSUPPORTED), fullCopiesOnly,
        "anArrayWithoutVirtualCopiesRefusesThem");

    assertThat(failure.getMessage()).contains("NOT_SUPPORTED");
  }

  @org.junit.jupiter.api.Test
  void withoutThePlantedBugTheSameChecksPass() {
    for (Arguments a : bugs().toList()) {
      Object[] args = a.get();
      EngineExecutionResults results = run(Set.of(), ReferenceFixture.CAPABILITIES, (String) args[1]);
      assertThat(results.testEvents().failed().count()).as("%s without a bug", args[1]).isZero();
      assertThat(results.testEvents().succeeded().count()).as("%s without a bug", args[1]).isEqualTo(1);
    }
  }

  private static Throwable runFailing(Set<Bug> bugs, ArrayCapabilities caps, String check) {
    EngineExecutionResults results = run(bugs, caps, check);
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).as("%s with %s planted", check, bugs).hasSize(1);
    Optional<Throwable> thrown = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
    assertThat(thrown).isPresent();
    return thrown.orElseThrow();
  }

  private static synchronized EngineExecutionResults run(
      Set<Bug> bugs, ArrayCapabilities caps, String check) {
    PlantedKitRun.bugs = bugs;
    PlantedKitRun.capabilities = caps;
    try {
      return EngineTestKit.engine("junit-jupiter")
          .selectors(selectMethod(PlantedKitRun.class, check))
          .execute();
    } finally {
      PlantedKitRun.bugs = Set.of();
      PlantedKitRun.capabilities = ReferenceFixture.CAPABILITIES;
    }
  }
}
