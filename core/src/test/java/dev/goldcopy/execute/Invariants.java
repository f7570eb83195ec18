package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * the invariants of docs/design.md, checked on a simulated store after a scenario: one clone per demanded
 * VM from a member of its version's group, no master ever over the per-source limit (from the
 * simulator's records), group membership, no orphans, no master with dependents deleted, the
 * origin kept, and the minimal number of masters.
 */
final class Invariants {
  private Invariants() {}

  /** Checks every invariant of a store that should now match {@code demand} exactly. */
  static void converged(SimulatedArray sim, StoreRef store, Container origin, Demand demand) {
    Inventory inventory = sim.await(sim.inventory(store));
    ArrayCapabilities caps = sim.await(sim.capabilities(store));
    int limit = caps.maxVirtualCopiesPerSource();
    Map<ContainerId, Container> byId = new HashMap<>();
    inventory.containers().forEach(c -> byId.put(c.id(), c));
    noOrphans(inventory, origin, demand);
    neverOverLimit(sim, inventory, limit);
    originKeptAndNothingWithDependentsDeleted(sim, store, origin, inventory);

    // 1. every VM exactly one clone, from a member of its version's group
    List<Container> clones = inventory.containers().stream().filter(c -> !c.isMaster()).toList();
    assertThat(clones).as("one clone per VM").hasSize(demand.size());
    for (Map.Entry<VmId, dev.goldcopy.spi.ContentId> vm : demand.vms().entrySet()) {
      Container clone =
          inventory.findByName(vm.getKey().value())
              .orElseThrow(() -> new AssertionError("no clone of " + vm.getKey()));
      assertThat(clone.isMaster()).isFalse();
      Container master = byId.get(requireNonNull(clone.source()));
      if (master == null) {
        throw new AssertionError("the master of " + vm.getKey() + " is gone");
      }
      assertThat(master.isMaster()).isTrue();
      assertThat(master.content()).isEqualTo(vm.getValue());
      assertThat(master.group()).isEqualTo(origin.group());
    }

    // 7. minimal: no more masters than the sizing rule needs; a master beyond it must carry clones
    // that were placed before a scale-down (clones never move), and there are never fewer
    List<Container> masters = inventory.containers().stream().filter(Container::isMaster).toList();
    int n = demand.size();
    long needed = ArrayCapabilities.isLimited(limit) ? Math.max(1, (n + limit - 1) / limit) : 1;
    assertThat((long) masters.size()).as("masters for %d VMs at %d per source", n, limit)
        .isGreaterThanOrEqualTo(needed);
    if (masters.size() > needed) {
      for (Container m : masters) {
        if (!m.isOrigin()) {
          assertThat(clones).as("replica %s beyond the %d needed has clones", m.name(), needed)
              .anyMatch(c -> m.id().equals(c.source()));
        }
      }
    }
  }

  /** Checks the invariants that hold whenever no run is in progress, even a stopped one. */
  static void noOrphans(Inventory inventory, Container origin, Demand demand) {
    for (Container c : inventory.containers()) {
      assertThat(c.state()).as("state of %s", c.name()).isEqualTo(ContainerState.READY);
      if (c.isMaster()) {
        // 3. every master holds the group's content and is a member
        assertThat(c.group()).as("group of %s", c.name()).isEqualTo(origin.group());
        assertThat(c.content()).as("content of %s", c.name()).isEqualTo(origin.content());
      } else {
        assertThat(demand.vms()).as("clone %s serves a demanded VM", c.name())
            .containsKey(VmId.of(c.name()));
        assertThat(inventory.find(requireNonNull(c.source()))).as("master of %s", c.name()).isPresent();
      }
    }
  }

  /** 2. No master ever had more virtual copies than the limit, at any instant. */
  static void neverOverLimit(SimulatedArray sim, Inventory inventory, int limit) {
    SimulationRecords records = sim.records();
    assertThat(records.limitViolations()).isEmpty();
    if (ArrayCapabilities.isLimited(limit)) {
      assertThat(records.peakVirtualCopiesBySource().values()).allMatch(peak -> peak <= limit);
    }
  }

  /** 5. The origin is still there and never was the subject of a deletion; nor was any master with clones. */
  static void originKeptAndNothingWithDependentsDeleted(
      SimulatedArray sim, StoreRef store, Container origin, Inventory inventory) {
    assertThat(inventory.find(origin.id())).as("origin").isPresent();
    for (CallRecord call : sim.records().calls()) {
      if (call.operation() == Operation.DELETE && store.equals(call.store())) {
        assertThat(call.subject()).as("deletion of the origin").isNotEqualTo(origin.id());
        assertThat(call.outcome()).as("deletion refused for dependents: %s", call)
            .isNotEqualTo(dev.goldcopy.sim.CallOutcome.CONFLICT);
      }
    }
  }

  /**
   * 10. The result is the truth: a VM is provisioned or already there exactly when the store holds
   * its ready clone, with that id; a VM reported short, failed or unfinished has none.
   */
  static void resultMatchesArray(ExecutionResult result, Inventory inventory, Demand demand) {
    assertThat(result.vms().keySet()).containsExactlyInAnyOrderElementsOf(demand.vms().keySet());
    for (Map.Entry<VmId, VmOutcome> e : result.vms().entrySet()) {
      Container clone = inventory.findByName(e.getKey().value()).orElse(null);
      boolean served = clone != null && !clone.isMaster() && clone.isReady();
      VmOutcome o = e.getValue();
      if (o instanceof VmOutcome.Provisioned p) {
        assertThat(served).as("%s reported provisioned", e.getKey()).isTrue();
        assertThat(requireNonNull(clone).id()).isEqualTo(p.container());
      } else if (o instanceof VmOutcome.AlreadyThere a) {
        assertThat(served).as("%s reported already there", e.getKey()).isTrue();
        assertThat(requireNonNull(clone).id()).isEqualTo(a.container());
      } else {
        assertThat(served).as("%s reported %s but the store has its clone", e.getKey(), o).isFalse();
      }
    }
  }
}
