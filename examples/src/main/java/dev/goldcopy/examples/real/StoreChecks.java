package dev.goldcopy.examples.real;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the demo's store, as the storage reports it after a run, against what was asked. */
final class StoreChecks {
  private StoreChecks() {}

  /**
   * Returns what is wrong with the store's containers of the demo's group; empty when all holds.
   */
  static List<String> problems(
      dev.goldcopy.spi.Inventory after, Demand demand, ExecutionResult result, int perSource) {
    List<String> problems = new ArrayList<>();
    Map<ContainerId, Container> masters = new HashMap<>();
    Map<ContainerId, Integer> clonesPerMaster = new HashMap<>();
    Set<String> cloneNames = new HashSet<>();
    int origins = 0;
    for (Container c : after.containers()) {
      if (!c.content().equals(RealBackendDemo.IMAGE)) {
        continue;
      }
      if (!c.isReady()) {
        problems.add(c.name() + " is " + c.state() + ", not ready");
      }
      if (c.isMaster()) {
        masters.put(c.id(), c);
        origins += c.isOrigin() ? 1 : 0;
      } else {
        cloneNames.add(c.name());
        if (c.source() != null) {
          clonesPerMaster.merge(c.source(), 1, Integer::sum);
        }
      }
    }
    if (origins != 1) {
      problems.add(origins + " origins of the demo's image, not 1");
    }
    clonesPerMaster.forEach(
        (master, count) -> {
          if (count > perSource) {
            problems.add(master + " serves " + count + " clones, over the limit " + perSource);
          }
          if (!masters.containsKey(master)) {
            problems.add(count + " clones of " + master + ", which is not a master of the group");
          }
        });
    Set<VmId> shortVms = new HashSet<>();
    result.shortfalls().forEach(s -> shortVms.addAll(s.vms()));
    for (VmId vm : demand.vms().keySet()) {
      if (!shortVms.contains(vm) && !cloneNames.contains(vm.value())) {
        problems.add("VM " + vm + " has no clone");
      }
    }
    long extra = cloneNames.stream().filter(n -> !demand.vms().containsKey(VmId.of(n))).count();
    if (extra > 0) {
      problems.add(extra + " clones of VMs no longer asked for");
    }
    int served = demand.size() - shortVms.size();
    long needed = served == 0 ? 1 : (served + (long) perSource - 1) / perSource;
    if (masters.size() != needed) {
      problems.add(masters.size() + " masters where max(1, ceil(N / L)) = " + needed);
    }
    return problems;
  }

  /** Counts the store's containers: masters and clones, the demo's and others'. */
  static String describe(dev.goldcopy.spi.Inventory after) {
    long masters = 0;
    long clones = 0;
    long others = 0;
    for (Container c : after.containers()) {
      if (!c.content().equals(RealBackendDemo.IMAGE)) {
        others++;
      } else if (c.isMaster()) {
        masters++;
      } else {
        clones++;
      }
    }
    return masters + " masters, " + clones + " clones"
        + (others == 0 ? "" : ", and " + others + " containers of other images, left alone");
  }
}
