package dev.goldcopy.examples.fleet;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the invariants of docs/design.md on a store after a fleet has been provisioned: from the final
 * inventory, the demand, the array's limit and the simulator's records of every instant.
 */
public final class FleetInvariants {
  private FleetInvariants() {}

  /**
   * Checks the invariants of a store in which every VM runs one image version and the origin
   * serves clones.
   *
   * @param inventory the store's final inventory
   * @param demand the VMs that had to be provisioned
   * @param shortVms the VMs the plan reported it cannot serve (a shortfall), which must have no
   *     clone
   * @param capabilities the array's declared limits
   * @param records the simulator's records of the run
   * @return one check per invariant, in docs/design.md's order
   */
  public static List<InvariantCheck> check(
      Inventory inventory,
      Demand demand,
      Set<VmId> shortVms,
      ArrayCapabilities capabilities,
      SimulationRecords records) {
    Map<ContainerId, Container> byId = new HashMap<>();
    Map<String, Container> byName = new HashMap<>();
    int masters = 0;
    int origins = 0;
    int notReady = 0;
    for (Container c : inventory.containers()) {
      byId.put(c.id(), c);
      byName.put(c.name(), c);
      if (c.isMaster()) {
        masters++;
        origins += c.isOrigin() ? 1 : 0;
      }
      if (!c.isReady()) {
        notReady++;
      }
    }

    List<InvariantCheck> checks = new ArrayList<>();
    checks.add(everyVmHasOneClone(demand, shortVms, byName, byId));
    checks.add(noMasterOverLimit(capabilities, records));
    checks.add(mastersHoldGroupContent(demand, inventory));
    checks.add(noOrphans(inventory, demand, notReady));
    long dangling =
        inventory.containers().stream()
            .filter(c -> !c.isMaster())
            .filter(c -> c.source() == null || !byId.containsKey(c.source()))
            .count();
    checks.add(
        new InvariantCheck(
            "origin kept, no master with dependents deleted",
            origins == 1 && dangling == 0,
            origins + " origin(s); " + dangling + " clones whose master is gone"));
    checks.add(minimalMasters(demand.size() - shortVms.size(), capabilities, masters));
    return checks;
  }

  private static InvariantCheck everyVmHasOneClone(
      Demand demand,
      Set<VmId> shortVms,
      Map<String, Container> byName,
      Map<ContainerId, Container> byId) {
    for (Map.Entry<VmId, ContentId> vm : demand.vms().entrySet()) {
      Container clone = byName.get(vm.getKey().value());
      if (shortVms.contains(vm.getKey())) {
        if (clone != null) {
          return new InvariantCheck(
              "every VM has exactly one clone of its image's group",
              false,
              "VM " + vm.getKey() + " was reported short but has a clone");
        }
        continue;
      }
      ContainerId sourceId = clone == null ? null : clone.source();
      Container source = sourceId == null ? null : byId.get(sourceId);
      if (clone == null || clone.isMaster() || source == null || !source.isMaster()
          || !source.content().equals(vm.getValue())) {
        return new InvariantCheck(
            "every VM has exactly one clone of its image's group",
            false,
            "VM " + vm.getKey() + " has no clone of a " + vm.getValue() + " master");
      }
    }
    return new InvariantCheck(
        "every VM has exactly one clone of its image's group",
        true,
        (demand.size() - shortVms.size()) + " VMs, each with one clone of a master of its image"
            + " version" + (shortVms.isEmpty() ? "" : "; " + shortVms.size()
                + " reported short by the plan, with no clone"));
  }

  private static InvariantCheck noMasterOverLimit(
      ArrayCapabilities capabilities, SimulationRecords records) {
    int limit = capabilities.maxVirtualCopiesPerSource();
    int peak =
        records.peakVirtualCopiesBySource().values().stream().mapToInt(Integer::intValue).max()
            .orElse(0);
    boolean held =
        records.limitViolations().isEmpty()
            && (!ArrayCapabilities.isLimited(limit) || peak <= limit);
    return new InvariantCheck(
        "no master over its clone limit at any instant",
        held,
        "peak " + peak + " clones on one master, limit "
            + (ArrayCapabilities.isLimited(limit) ? Integer.toString(limit) : "none") + "; "
            + records.limitViolations().size() + " violations recorded at any instant");
  }

  private static InvariantCheck mastersHoldGroupContent(Demand demand, Inventory inventory) {
    for (Container c : inventory.containers()) {
      if (c.isMaster() && !demand.vms().containsValue(c.content())) {
        return new InvariantCheck(
            "every master holds its group's content",
            false,
            c.name() + " holds " + c.content() + ", which no VM runs");
      }
    }
    long groups =
        inventory.containers().stream().filter(Container::isMaster).map(Container::group)
            .distinct().count();
    return new InvariantCheck(
        "every master holds its group's content",
        true,
        groups + " replica group(s), every member holding the demanded image version");
  }

  private static InvariantCheck noOrphans(Inventory inventory, Demand demand, int notReady) {
    long strayClones =
        inventory.containers().stream()
            .filter(c -> !c.isMaster())
            .filter(c -> !demand.vms().containsKey(VmId.of(c.name())))
            .count();
    return new InvariantCheck(
        "no orphans (no failed, half-made or unwanted container left)",
        notReady == 0 && strayClones == 0,
        notReady + " containers not ready, " + strayClones + " clones of no demanded VM");
  }

  private static InvariantCheck minimalMasters(
      int served, ArrayCapabilities capabilities, int masters) {
    int limit = capabilities.maxVirtualCopiesPerSource();
    long needed =
        ArrayCapabilities.isLimited(limit) ? Math.max(1, (served + (long) limit - 1) / limit) : 1;
    return new InvariantCheck(
        "minimal: masters = max(1, ceil(N / L)), N the VMs served",
        masters == needed,
        masters + " masters for N = " + served + ", L = "
            + (ArrayCapabilities.isLimited(limit) ? Integer.toString(limit) : "unlimited")
            + " (rule: " + needed + ")");
  }
}
