package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A soak that can fail: seeded scenarios with demands up to hundreds of VMs over several image
 * versions, containers Goldcopy does not own, per-call faults, crashes that land while a run is
 * changing the store (counted, and asserted to happen), restarts, out-of-band deletions and
 * capacity taken mid-run. After each: the result equals the array, nothing is half-made, every
 * foreign container is untouched, and the executor never asked past a declared limit ({@link
 * LimitWatch}). The count is {@code -Dgoldcopy.soak.scenarios} (default 3,000).
 */
class ScaleSoakTest {
  static final int SCENARIOS = Integer.getInteger("goldcopy.soak.scenarios", 3_000);

  /** What the scenarios did, summed. */
  static final class Tally {
    long crashesDrawn;
    long crashesLanded;
    long worldFaults;
    long maxVms;
    long reruns;
  }

  @Test
  void everyScenarioEndsTruthfulWithNothingLeakedAndNoLimitAskedPast() {
    Tally t = new Tally();
    long began = System.nanoTime();
    for (int seed = 0; seed < SCENARIOS; seed++) {
      try {
        scenario(seed, t);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("soak scenario " + seed + " failed: " + e.getMessage(), e);
      }
    }
    System.out.printf(
        "soak: %d scenarios, %d crashes drawn, %d landed mid-run, %d world faults, %d reruns,"
            + " largest demand %d VMs, 0 violations, %.1f s%n",
        SCENARIOS, t.crashesDrawn, t.crashesLanded, t.worldFaults, t.reruns, t.maxVms,
        (System.nanoTime() - began) / 1e9);
    // about 18% of scenarios see a crash land while the run is changing the store (the rest
    // finish first, or wait for the crashed run's lease), and as many a fault of the world
    assertThat(t.crashesLanded).as("crashes that landed mid-run").isGreaterThan(SCENARIOS / 10);
    assertThat(t.worldFaults).as("faults of the world mid-run").isGreaterThan(SCENARIOS / 10);
    assertThat(t.maxVms).isGreaterThanOrEqualTo(Math.min(SCENARIOS, 100) > 50 ? 200 : 1);
  }

  static void scenario(long seed, Tally t) {
    SplittableRandom random = new SplittableRandom(seed * 31 + 7);
    int limit = 2 + random.nextInt(14);
    VendorProfile profile = VendorProfile.builder("soak")
        .maxVirtualCopiesPerSource(limit)
        .maxConcurrentPhysicalCopies(1 + random.nextInt(4))
        .maxConcurrentVirtualCopies(2 + random.nextInt(30))
        .build();
    SimulatedArray sim = SimulatedArray.builder().profile(profile).seed(seed).recordCalls(true).build();
    boolean tight = random.nextInt(6) == 0;
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"), tight ? 40L << 30 : 1L << 50);
    int versions = 1 + random.nextInt(3);
    List<ContentId> contents = new ArrayList<>();
    List<Container> origins = new ArrayList<>();
    for (int v = 0; v < versions; v++) {
      ContentId c = ContentId.of("win11", "2026." + (10 + v));
      contents.add(c);
      origins.add(sim.createOrigin(store, "golden-" + v, c, GroupId.of("win11-v" + v), 1L << 30));
    }
    Set<ContainerId> foreign = foreignContainers(sim, store, origins, random, limit);
    sim.setFaults(FaultPlan.uniform(0.1 * random.nextDouble()));
    LimitWatch watch = new LimitWatch(sim);
    Demand before = demand(random, contents, t);
    Demand after = demand(random, contents, t);
    if (random.nextBoolean()) {
      run(sim, watch, store, before);
    }
    crashes(sim, watch, store, after, random, t);
    ExecutionHandle last = executor(sim, watch).start(store, after, DeletionApproval.all());
    worldFaults(sim, watch, store, random, t, last);
    ExecutionResult r = sim.await(last.result());
    sim.runUntilIdle();
    if (r.outcome() != Outcome.SUCCEEDED && r.outcome() != Outcome.SHORT) {
      assertThat(r.vms().values()).as(r.reason()).noneMatch(VmOutcome.Failed.class::isInstance);
      t.reruns++;
      r = run(sim, watch, store, after);
    }
    assertThat(r.outcome()).as("%s; undone %s", r.reason(), r.undone()).isIn(Outcome.SUCCEEDED, Outcome.SHORT);
    check(sim, watch, store, after, r, foreign);
  }

  private static Set<ContainerId> foreignContainers(
      SimulatedArray sim, StoreRef store, List<Container> origins, SplittableRandom random, int limit) {
    int n = random.nextInt(Math.min(4, limit)); // fewer than the limit, even all on one origin
    for (int i = 0; i < n; i++) {
      Container o = origins.get(random.nextInt(origins.size()));
      sim.await(sim.createVirtualCopy(store, o.id(), "admin-snap-" + i, Labels.empty()));
    }
    if (random.nextBoolean()) {
      sim.createOrigin(store, "other-team-image", ContentId.of("rhel", "9.4"), GroupId.of("theirs"), 1L << 30);
    }
    return sim.inventoryNow(store).containers().stream()
        .filter(c -> !c.isOrigin() || c.name().startsWith("other"))
        .filter(c -> c.labels().equals(Labels.empty()))
        .map(Container::id)
        .collect(Collectors.toSet());
  }

  private static Demand demand(SplittableRandom random, List<ContentId> contents, Tally t) {
    int vms = random.nextInt(8) == 0 ? 100 + random.nextInt(301) : random.nextInt(40);
    t.maxVms = Math.max(t.maxVms, vms);
    Demand.Builder b = Demand.builder();
    for (int i = 0; i < vms; i++) {
      b.add(VmId.of(String.format("vm-%05d", i)), contents.get(random.nextInt(contents.size())));
    }
    return random.nextInt(3) == 0 ? b.build().allRecreatable() : b.build();
  }

  private static void crashes(SimulatedArray sim, LimitWatch watch, StoreRef store, Demand demand,
      SplittableRandom random, Tally t) {
    int crashes = random.nextInt(3);
    for (int i = 0; i < crashes; i++) {
      t.crashesDrawn++;
      ExecutionRun doomed =
          (ExecutionRun) executor(sim, watch).start(store, demand, DeletionApproval.all());
      int events = 5 + random.nextInt(300);
      for (int e = 0; e < events && !doomed.result().isDone() && sim.step(); e++) {
        // run the array until the crash
      }
      if (!doomed.result().isDone() && doomed.changesIssued() > 0) {
        t.crashesLanded++;
      }
      doomed.abandon();
    }
  }

  private static void worldFaults(SimulatedArray sim, LimitWatch watch, StoreRef store,
      SplittableRandom random, Tally t, ExecutionHandle run) {
    int kind = random.nextInt(5);
    if (kind == 4) {
      return;
    }
    sim.runFor(Duration.ofMillis(500 + random.nextInt(60_000)));
    if (run.result().isDone()) {
      return;
    }
    t.worldFaults++;
    switch (kind) {
      case 0 -> sim.restart();
      case 1 -> {
        watch.capacityTakenOutOfBand();
        long free = sim.capabilitiesNow(store).freeCapacityBytes();
        sim.takeCapacity(store, Math.max(0, free - (1L << 29) - (long) (random.nextDouble() * (3L << 30))));
      }
      default -> {
        List<Container> ours = sim.inventoryNow(store).containers().stream()
            .filter(c -> !c.isOrigin() && !c.labels().equals(Labels.empty())).toList();
        if (!ours.isEmpty()) {
          sim.deleteOutOfBand(store, ours.get(random.nextInt(ours.size())).id());
        }
      }
    }
  }

  private static ExecutionResult run(SimulatedArray sim, LimitWatch watch, StoreRef store, Demand d) {
    ExecutionResult r = sim.await(executor(sim, watch).start(store, d, DeletionApproval.all()).result());
    sim.runUntilIdle();
    return r;
  }

  private static ReplicationExecutor executor(SimulatedArray sim, LimitWatch watch) {
    // the planner is told what each clone costs the array, as a deployment would configure it:
    // without it a store whose capacity is taken mid-run gets clones planned that cannot fit
    long cloneBytes = sim.profile().cloneBytes();
    return ReplicationExecutor.builder(watch.client())
        .planner(ContainerReplicationPlanner.create(
            PlanningPolicy.builder().expectedCloneGrowthBytes(cloneBytes).build()))
        .executor(Runnable::run)
        .scheduler(sim::schedule)
        .clock(sim.clock())
        .storeLease(InProcessStoreLease.of(sim, sim.clock()))
        .leaseTimeToLive(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(30)).seed(17).build())
        .build();
  }

  private static void check(SimulatedArray sim, LimitWatch watch, StoreRef store, Demand demand,
      ExecutionResult r, Set<ContainerId> foreign) {
    sim.setFaults(FaultPlan.none());
    Inventory left = sim.inventoryNow(store);
    Invariants.resultMatchesArray(r, left, demand);
    assertThat(left.containers()).as("nothing half-made")
        .allMatch(c -> c.state() == ContainerState.READY);
    Set<ContainerId> ids = left.containers().stream().map(Container::id).collect(Collectors.toSet());
    assertThat(ids).as("foreign containers untouched").containsAll(foreign);
    for (CallRecord call : sim.records().calls()) {
      if (call.operation() == Operation.DELETE) {
        assertThat(foreign).as("a delete of a foreign container").doesNotContain(call.subject());
      }
    }
    assertThat(watch.violations()).as("asked past a declared limit").isEmpty();
    Map<VmId, ContentId> vms = demand.vms();
    for (Container c : left.containers()) {
      if (!c.isMaster() && !foreign.contains(c.id())) {
        assertThat(vms).as("clone %s serves a demanded VM", c.name()).containsKey(VmId.of(c.name()));
      }
    }
    for (Map.Entry<VmId, VmOutcome> e : r.vms().entrySet()) {
      if (!(e.getValue() instanceof VmOutcome.Provisioned || e.getValue() instanceof VmOutcome.AlreadyThere)) {
        assertThat(e.getValue()).as("%s", e.getKey()).isInstanceOf(VmOutcome.Unmet.class);
      }
    }
  }
}
