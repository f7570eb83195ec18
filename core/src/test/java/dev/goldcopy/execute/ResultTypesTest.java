package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.plan.VmId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The executor's value types check their fields. */
class ResultTypesTest {
  private static final ExecutionTotals TOTALS = new ExecutionTotals(0, 0, 0, 0, 0, 0, Duration.ZERO);

  @Test
  @SuppressWarnings("NullAway") // passes nulls on purpose
  void refuseBadValuesNamingTheField() {
    assertThatThrownBy(() -> new StepProgress(3, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total");
    assertThatThrownBy(() -> new StepProgress(-1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("done");
    assertThatThrownBy(() -> new ExecutionTotals(-1, 0, 0, 0, 0, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicasMade");
    assertThatThrownBy(() -> new ExecutionTotals(0, 0, 0, 0, 0, 0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elapsed");
    assertThatThrownBy(() -> new ExecutionResult(null, Map.of(), List.of(), List.of(), TOTALS))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("outcome");
    assertThatThrownBy(() -> new VmOutcome.Failed(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("why");
    assertThatThrownBy(
            () -> new ExecutionEvent.RunFinished(Instant.EPOCH, null, TOTALS))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("outcome");
    assertThatThrownBy(
            () -> new ProgressSnapshot(
                new StepProgress(0, 0), new StepProgress(0, 0), new StepProgress(0, 0), -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retries");
  }

  @Test
  void theResultIsImmutableAndKeepsTheDemandsOrder() {
    java.util.LinkedHashMap<VmId, VmOutcome> vms = new java.util.LinkedHashMap<>();
    vms.put(VmId.of("b"), new VmOutcome.Unfinished("stopped"));
    vms.put(VmId.of("a"), new VmOutcome.Failed("broke"));
    ExecutionResult r = new ExecutionResult(Outcome.PARTIAL, vms, List.of(), List.of(), TOTALS);
    vms.clear();

    assertThat(r.vms().keySet()).containsExactly(VmId.of("b"), VmId.of("a"));
    assertThatThrownBy(() -> r.vms().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
