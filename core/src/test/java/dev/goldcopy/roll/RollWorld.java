package dev.goldcopy.roll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A simulated store with two image versions' origins and VMs provisioned on the first. */
final class RollWorld {
  static final ContentId A = ContentId.of("win11", "2026.10");
  static final ContentId B = ContentId.of("win11", "2026.11");
  static final long IMAGE = 1L << 30;

  final SimulatedArray array;
  final StoreRef store;
  final PlanningPolicy policy = PlanningPolicy.defaults();
  final ReplicationExecutor executor;
  final Demand demand;

  /** {@code vms} VMs on A at {@code perSource} clones a master; every {@code persistentEvery}-th persistent (0: none). */
  RollWorld(int vms, int perSource, int persistentEvery, int recomposeEvery) {
    array = SimulatedArray.builder()
        .profile(VendorProfile.builder("roll test").maxVirtualCopiesPerSource(perSource)
            .maxConcurrentPhysicalCopies(4).storeCapacityBytes(1L << 50).build())
        .build();
    store = array.addStore(TenantId.of("acme"), StoreId.of("pool"));
    array.createOrigin(store, "gold-a", A, GroupId.of("win-a"), IMAGE);
    array.createOrigin(store, "gold-b", B, GroupId.of("win-b"), IMAGE);
    Demand.Builder d = Demand.builder();
    List<VmId> recompose = new ArrayList<>();
    for (int i = 1; i <= vms; i++) {
      VmId vm = VmId.of(String.format("vm-%05d", i));
      boolean persistent = persistentEvery > 0 && i % persistentEvery == 0;
      if (persistent) {
        d.add(vm, A);
        if (recomposeEvery > 0 && i % recomposeEvery == 0) {
          recompose.add(vm);
        }
      } else {
        d.addRecreatable(vm, A);
      }
    }
    Demand onA = d.build();
    executor = ReplicationExecutor.builder(array)
        .planner(ContainerReplicationPlanner.create(policy))
        .executor(Runnable::run).scheduler(array::schedule).clock(array.clock()).build();
    ExecutionResult first = array.await(executor.start(store, onA).result());
    assertThat(first.shortfalls()).isEmpty();
    demand = onA.recomposing(new HashSet<>(recompose));
  }

  RollRequest request(RollBounds bounds, ContentId from, ContentId to) {
    return new RollRequest(store, array.await(array.capabilities(store)),
        array.await(array.inventory(store)), demand, from, to, bounds, TimeModel.defaults());
  }

  Inventory inventory() {
    return array.await(array.inventory(store));
  }

  /** Each VM's clone's version now. */
  Map<VmId, ContentId> versions() {
    Map<VmId, ContentId> out = new HashMap<>();
    for (Container c : inventory().containers()) {
      if (!c.isMaster()) {
        out.put(VmId.of(c.name()), c.content());
      }
    }
    return out;
  }

  /**
   * The most masters and VMs down at any instant since {@code since}, from the array's call log:
   * a new master counts from its call, a deleted one until its deletion is answered; a VM is down
   * from its old clone's deletion call until its new clone's creation is answered.
   */
  long[] peaksSince(Duration since, long mastersAtStart, Set<ContainerId> clonesAtStart) {
    List<long[]> events = new ArrayList<>(); // time nanos, master delta, down delta
    for (CallRecord c : array.records().calls()) {
      if (c.calledAt().compareTo(since) < 0 || c.outcome() != dev.goldcopy.sim.CallOutcome.SUCCEEDED) {
        continue;
      }
      if (c.operation() == Operation.CREATE_PHYSICAL_COPY) {
        events.add(new long[] {c.calledAt().toNanos(), 1, 0});
      } else if (c.operation() == Operation.CREATE_VIRTUAL_COPY) {
        events.add(new long[] {c.answeredAt().toNanos(), 0, -1});
      } else if (c.operation() == Operation.DELETE && c.subject() != null) {
        boolean clone = clonesAtStart.contains(c.subject());
        events.add(new long[] {clone ? c.calledAt().toNanos() : c.answeredAt().toNanos(),
            clone ? 0 : -1, clone ? 1 : 0});
      }
    }
    events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
        : Long.compare(x[1] + x[2], y[1] + y[2]));
    long masters = mastersAtStart;
    long down = 0;
    long peakMasters = masters;
    long peakDown = 0;
    for (long[] e : events) {
      masters += e[1];
      down += e[2];
      peakMasters = Math.max(peakMasters, masters);
      peakDown = Math.max(peakDown, down);
    }
    return new long[] {peakMasters, peakDown};
  }
}
