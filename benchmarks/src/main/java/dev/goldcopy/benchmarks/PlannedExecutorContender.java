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
 * fails unless the executor reports every VM provisioned.
 */
final class PlannedExecutorContender implements Contender {

  @Override
  public String name() {
    return "Goldcopy executor";
  }

  @Override
  public CompletableFuture<?> start(
      SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
    return ReplicationExecutor.builder(sim)
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
