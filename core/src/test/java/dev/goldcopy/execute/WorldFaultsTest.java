package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultKind;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Faults of the world around the array, one kind per test: failed reads, a restart, capacity taken
 * mid-run, and clones, replicas and copies in progress deleted behind the executor's back. The
 * executor survives each: its result agrees with the array, nothing is left half-made, and a
 * second run (needed only when the fault struck after the last look) converges.
 */
class WorldFaultsTest {
  private static final long GIB = 1L << 30;
  private static final VendorProfile PROFILE =
      VendorProfile.builder("world").maxVirtualCopiesPerSource(4).maxConcurrentPhysicalCopies(2).build();
  private static final Demand DEMAND = SimScenario.demand(20);

  private SimulatedArray sim;
  private StoreRef store;
  private Container origin;

  WorldFaultsTest() {
    sim = SimulatedArray.builder().profile(PROFILE).seed(11).recordCalls(true).build();
    store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"), 1L << 50);
    origin = sim.createOrigin(store, "golden-win11", SimScenario.IMAGE, SimScenario.GROUP, 200 * GIB);
  }

  /** A fixture with {@code faults} and {@code capacity} bytes in its store. */
  private static WorldFaultsTest with(FaultPlan faults, long capacity) {
    WorldFaultsTest t = new WorldFaultsTest();
    t.sim = SimulatedArray.builder().profile(PROFILE).seed(11).faults(faults).recordCalls(true).build();
    t.store = t.sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"), capacity);
    t.origin = t.sim.createOrigin(t.store, "golden-win11", SimScenario.IMAGE, SimScenario.GROUP, 200 * GIB);
    return t;
  }

  private ExecutionResult run() {
    ExecutionHandle h = executor().start(store, DEMAND);
    return sim.await(h.result());
  }

  private ReplicationExecutor executor() {
    return ReplicationExecutor.builder(sim)
        .executor(Runnable::run)
        .scheduler(sim::schedule)
        .clock(sim.clock())
        .retryPolicy(RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(30)).seed(17).build())
        .build();
  }

  /** Runs until {@code at}, lets {@code fault} strike, and finishes the run; checks the truth. */
  private ExecutionResult runStruck(Duration at, Runnable fault) {
    ExecutionHandle h = executor().start(store, DEMAND);
    sim.runFor(at);
    assertThat(h.result()).as("the fault strikes mid-run").isNotDone();
    fault.run();
    ExecutionResult r = sim.await(h.result());
    sim.runUntilIdle();
    Inventory after = inventory();
    Invariants.resultMatchesArray(r, after, DEMAND);
    assertThat(after.containers()).as("nothing half-made").allMatch(c -> c.state() == ContainerState.READY);
    return r;
  }

  private void convergesAfter(ExecutionResult r) {
    if (r.outcome() != Outcome.SUCCEEDED) {
      assertThat(r.vms().values()).noneMatch(VmOutcome.Failed.class::isInstance);
      r = run();
    }
    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.SUCCEEDED);
    Invariants.converged(sim, store, origin, DEMAND);
  }

  private Inventory inventory() {
    return sim.await(sim.inventory(store));
  }

  private Optional<Container> find(Predicate<Container> p) {
    return inventory().containers().stream().filter(p).findFirst();
  }

  @Test
  void failedReadsAreRetried() {
    WorldFaultsTest t = with(FaultPlan.builder().readFaultRate(0.4).build(), 1L << 50);
    ExecutionResult r = t.run();
    assertThat(t.sim.records().faultCount(FaultKind.READ_FAULT)).isPositive();
    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.SUCCEEDED);
    t.sim.setFaults(FaultPlan.none());
    Invariants.converged(t.sim, t.store, t.origin, DEMAND);
  }

  @Test
  void aRestartMidCopyLosesNothing() {
    ExecutionResult r = runStruck(Duration.ofSeconds(30), sim::restart);
    assertThat(sim.records().faultCount(FaultKind.RESTART)).isEqualTo(1);
    convergesAfter(r);
  }

  @Test
  void aCopyDeletedWhileBeingMadeIsMadeAgain() {
    ExecutionResult r = runStruck(Duration.ofSeconds(30), () -> {
      Container copying = find(c -> c.state() == ContainerState.COPYING).orElseThrow();
      assertThat(sim.deleteOutOfBand(store, copying.id())).isTrue();
    });
    convergesAfter(r);
  }

  @Test
  void aReplicaDeletedWithItsClonesIsMadeAgain() {
    ExecutionHandle h = executor().start(store, DEMAND);
    sim.await(h.result());
    Container replica = find(c -> c.isMaster() && !c.isOrigin()).orElseThrow();
    assertThat(sim.deleteOutOfBand(store, replica.id())).isTrue();
    convergesAfter(run());
  }

  @Test
  void aCloneDeletedMidRunIsMadeAgain() {
    ExecutionResult r = runStruck(Duration.ofSeconds(30), () -> {
      Container clone = find(c -> !c.isMaster() && c.isReady()).orElseThrow();
      assertThat(sim.deleteOutOfBand(store, clone.id())).isTrue();
    });
    convergesAfter(r);
  }

  @Test
  void capacityTakenMidRunIsReportedShortNotFailed() {
    WorldFaultsTest t = with(FaultPlan.none(), 1200 * GIB);
    // another tenant takes all but 10 GiB: no room for another 200 GiB replica
    ExecutionResult r = t.runStruck(Duration.ofSeconds(30), () -> t.sim.takeCapacity(
        t.store, t.sim.capabilitiesNow(t.store).freeCapacityBytes() - 10 * GIB));
    assertThat(r.outcome()).as(r.reason()).isIn(Outcome.SHORT, Outcome.SUCCEEDED, Outcome.PARTIAL);
    assertThat(r.vms().values()).noneMatch(VmOutcome.Failed.class::isInstance);
    ExecutionResult again = t.run();
    assertThat(again.outcome()).as(again.reason()).isIn(Outcome.SHORT, Outcome.SUCCEEDED);
    assertThat(again.vms().values())
        .allMatch(v -> v instanceof VmOutcome.Unmet || v instanceof VmOutcome.AlreadyThere
            || v instanceof VmOutcome.Provisioned);
    Invariants.resultMatchesArray(again, t.inventory(), DEMAND);
  }
}
