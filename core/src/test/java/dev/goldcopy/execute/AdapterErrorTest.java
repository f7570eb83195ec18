package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ForwardingArrayAdapter;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An adapter whose own stage fails with an error, not an exception (a test double's failed
 * assertion, a VM error in the adapter's thread), breaks the run: the result fails with that error
 * and no later change is asked for, as when the call throws the error itself. It is no failed call
 * to count and retry.
 */
class AdapterErrorTest {
  private static final int FAILING_CALL = 5;

  /** The sim, but the fifth clone's stage fails with {@code error} (after the clone was made). */
  private static final class FailingStage extends ForwardingArrayAdapter {
    final AtomicInteger clones = new AtomicInteger();
    final AtomicInteger changesAfter = new AtomicInteger();
    final Error error;

    FailingStage(SimScenario s, Error error) {
      super(s.sim);
      this.error = error;
    }

    @Override
    public CompletionStage<Container> createVirtualCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      int n = clones.incrementAndGet();
      if (n > FAILING_CALL) {
        changesAfter.incrementAndGet();
      }
      CompletionStage<Container> made = super.createVirtualCopy(store, source, name, labels);
      if (n != FAILING_CALL) {
        return made;
      }
      return made.thenApply(c -> {
        throw error;
      });
    }
  }

  @Test
  void anErrorInTheAdaptersStageFailsTheRunWithIt() {
    SimScenario s = new SimScenario(VendorProfile.DELL_ME4_LARGE_POOLS, 21, FaultPlan.none());
    AssertionError failed = new AssertionError("the adapter's own check failed");
    FailingStage adapter = new FailingStage(s, failed);
    ReplicationExecutor executor = ReplicationExecutor.builder(adapter)
        .executor(Runnable::run)
        .scheduler(s.sim::schedule)
        .clock(s.sim.clock())
        .maxConcurrentVirtualCopies(1)
        .build();

    CompletableFuture<ExecutionResult> result =
        executor.start(s.store, SimScenario.demand(20)).result().toCompletableFuture();

    assertThatThrownBy(() -> s.sim.await(result)).isSameAs(failed);
    assertThat(adapter.clones.get()).as("the error was raised")
        .isGreaterThanOrEqualTo(FAILING_CALL);
    assertThat(adapter.changesAfter.get()).as("clones asked for after the error").isZero();
    // the broken run gave its lease back: another run finishes the work
    ExecutionResult again = s.sim.await(s.executor().build()
        .start(s.store, SimScenario.demand(20)).result());
    assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Invariants.converged(s.sim, s.store, s.origin, SimScenario.demand(20));
  }
}
