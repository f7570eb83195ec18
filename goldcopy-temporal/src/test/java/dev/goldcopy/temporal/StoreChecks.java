package dev.goldcopy.temporal;

import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of one store at the end of a run, from the array's side: each violation in
 * words, none when the store is right.
 */
final class StoreChecks {
  private StoreChecks() {}

  /**
   * Checks a store in which every VM of the demand must be served and the origin serves clones.
   *
   * @param inventory the store's final inventory
   * @param demand its demand
   * @param limit the per-source clone limit
   * @param foreign the containers that were there before and that the workflow does not own, as
   *     they were
   * @param records the simulator's records (every instant's peaks, every call)
   * @param callsFrom the index of the first call the run made (earlier ones set the store up)
   */
  static List<String> violations(StoreRef store, Inventory inventory, Demand demand, int limit,
      List<Container> foreign, SimulationRecords records, int callsFrom) {
    List<String> out = new ArrayList<>();
    Map<ContainerId, Container> byId = new HashMap<>();
    Map<String, Container> byName = new HashMap<>();
    Map<String, Integer> clonesPerVm = new HashMap<>();
    Set<ContainerId> foreignIds = new java.util.HashSet<>();
    for (Container f : foreign) {
      foreignIds.add(f.id());
    }
    int masters = 0;
    for (Container c : inventory.containers()) {
      byId.put(c.id(), c);
      byName.put(c.name(), c);
      if (!c.isReady()) {
        out.add(store + ": " + c.name() + " is left " + c.state());
      }
      if (c.isMaster() && !foreignIds.contains(c.id())) {
        masters++;
      }
      c.labels().get(Ownership.VM).ifPresent(vm -> clonesPerVm.merge(vm, 1, Integer::sum));
    }
    for (Map.Entry<VmId, ContentId> vm : demand.vms().entrySet()) {
      Container clone = byName.get(vm.getKey().value());
      Container master = clone == null || clone.source() == null ? null : byId.get(clone.source());
      if (clone == null || clone.isMaster() || master == null || !master.isMaster()
          || !master.content().equals(vm.getValue()) || foreignIds.contains(master.id())) {
        out.add(store + ": VM " + vm.getKey() + " has no clone of a master of its group");
      }
      if (clonesPerVm.getOrDefault(vm.getKey().value(), 0) != 1) {
        out.add(store + ": VM " + vm.getKey() + " has " + clonesPerVm.get(vm.getKey().value())
            + " clones labelled for it");
      }
    }
    for (Container c : inventory.containers()) {
      if (!c.isMaster() && !foreignIds.contains(c.id())
          && !demand.vms().containsKey(VmId.of(c.name()))) {
        out.add(store + ": orphan clone " + c.name());
      }
    }
    int served = demand.size();
    int needed = ArrayCapabilities.isLimited(limit) ? Math.max(1, (served + limit - 1) / limit) : 1;
    if (masters != needed) {
      out.add(store + ": " + masters + " masters for " + served + " VMs at L = " + limit
          + " (the rule says " + needed + ")");
    }
    for (Container f : foreign) {
      Container now = byId.get(f.id());
      if (now == null || !now.equals(f)) {
        out.add(store + ": foreign " + f.name() + " changed: " + now);
      }
    }
    for (CallRecord call : records.calls().subList(callsFrom, records.calls().size())) {
      if (call.store().equals(store) && call.subject() != null
          && foreignIds.contains(call.subject())) {
        out.add(store + ": a " + call.operation() + " touched foreign " + call.subject());
      }
    }
    for (var peak : records.peakVirtualCopiesBySource().entrySet()) {
      if (byId.containsKey(peak.getKey()) && ArrayCapabilities.isLimited(limit)
          && peak.getValue() > limit) {
        out.add(store + ": " + peak.getKey() + " had " + peak.getValue() + " clones at once");
      }
    }
    return out;
  }
}
