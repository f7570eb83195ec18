package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ContainerId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunLedgerTest {
  private final RunLedger ledger = new RunLedger();

  @Test
  void aRepeatableFailureIsForGoodOnlyAfterTheLimitOfRounds() {
    for (int i = 1; i < ExecutionRun.REPEATABLE_FAILURE_LIMIT; i++) {
      ledger.stepFailed("vm-1", "busy " + i, true);
      assertThat(ledger.failedForGood("vm-1")).isNull();
    }
    ledger.stepFailed("vm-1", "busy again", true);

    assertThat(ledger.failedForGood("vm-1")).isEqualTo("busy again");
  }

  @Test
  void aFinalFailureIsForGoodAtOnce() {
    ledger.stepFailed("vm-2", "access denied", false);

    assertThat(ledger.failedForGood("vm-2")).isEqualTo("access denied");
    assertThat(ledger.failedForGood("vm-3")).isNull();
  }

  @Test
  void suspectsAreClearedWhenMadeOrDeleted() {
    ledger.suspect("r1");
    ledger.suspect("vm-1");
    ledger.cleared("r1");

    assertThat(ledger.isSuspect("r1")).isFalse();
    assertThat(ledger.isSuspect("vm-1")).isTrue();
    assertThat(ledger.hasSuspects()).isTrue();
    ledger.cleared("vm-1");
    assertThat(ledger.hasSuspects()).isFalse();
  }

  @Test
  void progressCountsWhatIsDoneAgainstWhatThePlanLeft() {
    ledger.roundStarted();
    ledger.planned(1, 2, 1);
    ledger.replicaMade();
    ledger.cloneMade(cloneStep("vm-1", "r1"), ContainerId.of("c1"));
    ledger.deletionDone();
    ledger.cleanupDeletion();

    ProgressSnapshot p = ledger.progress(3, 2);
    assertThat(p.replicas()).isEqualTo(new StepProgress(1, 1));
    assertThat(p.clones()).isEqualTo(new StepProgress(1, 2));
    assertThat(p.deletions()).isEqualTo(new StepProgress(1, 1));
    assertThat(p.retries()).isEqualTo(3);
    assertThat(p.inFlight()).isEqualTo(2);
    assertThat(p.rounds()).isEqualTo(1);
    assertThat(ledger.totals(3, 4, Duration.ofSeconds(-1)))
        .isEqualTo(new ExecutionTotals(1, 1, 2, 3, 4, 1, Duration.ZERO));
    assertThat(ledger.madeCloneIds()).containsExactly(ContainerId.of("c1"));
  }
}
