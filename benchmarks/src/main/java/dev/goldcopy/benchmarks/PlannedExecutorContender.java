package dev.goldcopy.benchmarks;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.StoreRef;
import java.util.concurrent.CompletableFuture;

/**
 * The planned fan-out executor ({@link ReplicationExecutor} with its default settings), run on the
 * simulator's virtual time: a direct executor and the simulator as scheduler and clock. Its stage
 * fails unless the executor reports every VM provisioned. A variant runs it through an adapter
 * that does not say how many copies a source feeds at full rate.
 */
final class PlannedExecutorContender implements Contender {
  private final boolean silentOnSourceReads;

  /**
   * The executor on the simulator as it declares itself, or through an adapter that does not say
   * how many copies a source feeds ({@link SilentOnSourceReads}).
   */
  PlannedExecutorContender(boolean silentOnSourceReads) {
    this.silentOnSourceReads = silentOnSourceReads;
  }

  @Override
  public String name() {
    return silentOnSourceReads
        ? "Goldcopy executor, adapter silent on source reads"
        : "Goldcopy executor";
  }

  @Override
  public boolean baseline() {
    return false;
  }

  @Override
  public CompletableFuture<?> start(
      SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
    return ReplicationExecutor.builder(silentOnSourceReads ? new SilentOnSourceReads(sim) : sim)
        .executor(Runnable::run)
        .scheduler(sim::schedule)
        .clock(sim.clock())
        .build()
        .start(store, demand)
        .result()
        .thenApply(PlannedExecutorContender::requireSuccess);
  }

  private static ExecutionResult requireSuccess(ExecutionResult result) {
    if (result.outcome() != Outcome.SUCCEEDED) {
      throw new IllegalStateException(
          "the executor ended " + result.outcome() + "; undone: " + result.undone());
    }
    return result;
  }

  @Override
  public String cloneName(VmId vm) {
    return vm.value();
  }
}
