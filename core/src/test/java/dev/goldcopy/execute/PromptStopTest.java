package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Cancel and the deadline return promptly, in simulated time, however large the image: the copies
 * in flight are aborted, and only what the run half-made is cleaned up.
 */
class PromptStopTest {
  private static final long TIB = 1L << 40;
  private static final VendorProfile PROFILE =
      VendorProfile.builder("prompt").maxVirtualCopiesPerSource(4).maxConcurrentPhysicalCopies(2).build();

  private final SimulatedArray sim = SimulatedArray.builder().profile(PROFILE).seed(5).build();
  private final StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"), 64 * TIB);
  private final Container origin =
      sim.createOrigin(store, "golden-win11", SimScenario.IMAGE, SimScenario.GROUP, TIB);
  private final Demand demand = SimScenario.demand(16);

  private ReplicationExecutor.Builder executor() {
    return ReplicationExecutor.builder(sim)
        .executor(Runnable::run)
        .scheduler(sim::schedule)
        .clock(sim.clock());
  }

  @Test
  void cancellingTenSecondsIntoATebibyteCopyReturnsPromptly() {
    ExecutionHandle run = executor().build().start(store, demand);
    sim.runFor(Duration.ofSeconds(10));
    assertThat(copying(sim.await(sim.inventory(store)))).as("copies under way").isPositive();
    Instant cancelledAt = sim.clock().instant();

    run.cancel();
    ExecutionResult r = sim.await(run.result());

    Duration took = Duration.between(cancelledAt, sim.clock().instant());
    assertThat(took).as("cancel to result, simulated").isLessThan(Duration.ofSeconds(30));
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    sim.runUntilIdle();
    Inventory left = sim.await(sim.inventory(store));
    assertThat(copying(left)).isZero();
    assertThat(left.containers()).allMatch(c -> c.state() == ContainerState.READY);
    assertThat(left.find(origin.id())).isPresent();
    Invariants.resultMatchesArray(r, left, demand);
    Invariants.noOrphans(left, origin, demand);
  }

  @Test
  void aDeadlineStopsATebibyteCopyPromptly() {
    ExecutionResult r = sim.await(executor().deadline(Duration.ofSeconds(100)).build().start(store, demand).result());

    assertThat(r.outcome()).isEqualTo(Outcome.DEADLINE_EXCEEDED);
    assertThat(r.totals().elapsed()).isLessThan(Duration.ofSeconds(130));
    sim.runUntilIdle();
    Inventory left = sim.await(sim.inventory(store));
    assertThat(copying(left)).isZero();
    Invariants.resultMatchesArray(r, left, demand);
    Invariants.noOrphans(left, origin, demand);
  }

  @Test
  void withoutAStopTheSameRunTakesFarLonger() {
    ExecutionResult r = sim.await(executor().build().start(store, demand).result());
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.totals().elapsed()).isGreaterThan(Duration.ofMinutes(10));
  }

  private static long copying(Inventory inventory) {
    return inventory.containers().stream().filter(c -> c.state() == ContainerState.COPYING).count();
  }
}
