package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A listener that throws an error, not an exception (a test's failed assertion inside {@code
 * onEvent}, say), breaks the run: its result fails with that error, rather than the run waiting
 * forever for a task that never finished.
 */
class ListenerErrorTest {
  @Test
  void aListenersFailedAssertionFailsTheRunsResultWithIt() {
    SimScenario s = new SimScenario(VendorProfile.DELL_ME4_LARGE_POOLS, 21, FaultPlan.none());
    AssertionError failed = new AssertionError("the listener's own check failed");
    ReplicationExecutor executor = s.executor()
        .listener(e -> {
          if (e instanceof ExecutionEvent.StepFinished) {
            throw failed;
          }
        })
        .build();

    CompletableFuture<ExecutionResult> result =
        executor.start(s.store, SimScenario.demand(20)).result().toCompletableFuture();

    assertThatThrownBy(() -> s.sim.await(result)).isSameAs(failed);
    assertThat(result).isCompletedExceptionally();
    // the store is not left to the broken run: its lease went back, another run converges it
    ExecutionResult again = s.sim.await(s.executor().build()
        .start(s.store, SimScenario.demand(20)).result());
    assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Invariants.converged(s.sim, s.store, s.origin, SimScenario.demand(20));
  }
}
