package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks, after a run, that a strategy provisioned the demand correctly, from the simulated array's
 * own inventory and records (not from what the strategy says): every VM has exactly one virtual
 * copy, made from a ready master of the origin's replica group; no master ever had more virtual
 * copies than the limit, at any instant; nothing failed or half-made is left.
 *
 * @param replicas the physical masters made (the origin not counted)
 * @param clones the virtual copies in the store
 * @param problems what is wrong; empty when the run is correct
 */
public record ProvisioningCheck(int replicas, int clones, List<String> problems) {

  /**
   * Checks the fields and takes an immutable copy of the problems.
   *
   * @throws NullPointerException if {@code problems} is null
   * @throws IllegalArgumentException naming the field if a count is negative
   */
  public ProvisioningCheck {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative: " + replicas);
    }
    if (clones < 0) {
      throw new IllegalArgumentException("clones must not be negative: " + clones);
    }
    problems = List.copyOf(problems);
  }

  /**
   * Returns whether the run was correct.
   *
   * @return true if no problem was found
   */
  public boolean passed() {
    return problems.isEmpty();
  }

  /**
   * Inspects the simulated array after a run.
   *
   * @param records the simulated array's records after the run
   * @param inventory the store's inventory after the run
   * @param origin the origin master the run started from
   * @param demand the VMs that had to be provisioned
   * @param perSourceLimit the array's per-source limit, 0 for none
   * @param cloneName the name a strategy gives a VM's virtual copy
   * @return what was made and what is wrong
   * @throws NullPointerException if an argument is null
   */
  public static ProvisioningCheck inspect(
      SimulationRecords records,
      Inventory inventory,
      Container origin,
      Demand demand,
      int perSourceLimit,
      Function<VmId, String> cloneName) {
    requireNonNull(records, "records");
    requireNonNull(inventory, "inventory");
    requireNonNull(origin, "origin");
    requireNonNull(demand, "demand");
    requireNonNull(cloneName, "cloneName");
    List<String> problems = new ArrayList<>();
    Map<ContainerId, Container> masters = new HashMap<>();
    Map<String, Container> clonesByName = new HashMap<>();
    Map<ContainerId, Integer> clonesPerMaster = new HashMap<>();
    for (Container c : inventory.containers()) {
      if (!c.isReady()) {
        problems.add(c.name() + " is left in state " + c.state());
      }
      if (c.isMaster()) {
        masters.put(c.id(), c);
        if (!c.content().equals(origin.content()) || !Objects.equals(origin.group(), c.group())) {
          problems.add(c.name() + " is a master outside the origin's group");
        }
      } else {
        clonesByName.put(c.name(), c);
      }
    }
    for (Container clone : clonesByName.values()) {
      ContainerId source = requireNonNull(clone.source(), "virtual copy source");
      Container master = masters.get(source);
      if (master == null || !master.isReady()) {
        problems.add(clone.name() + " is not a clone of a ready master of the group");
      }
      clonesPerMaster.merge(source, 1, Integer::sum);
    }
    int matched = 0;
    for (VmId vm : demand.vms().keySet()) {
      if (clonesByName.containsKey(cloneName.apply(vm))) {
        matched++;
      } else if (problems.size() < 20) {
        problems.add("VM " + vm + " has no virtual copy");
      }
    }
    if (clonesByName.size() != demand.size() || matched != demand.size()) {
      problems.add(
          "expected exactly one virtual copy per VM (" + demand.size() + "), found "
              + clonesByName.size() + ", " + matched + " of them named after a VM");
    }
    if (!records.limitViolations().isEmpty()) {
      problems.add("the simulator saw limit violations: " + records.limitViolations());
    }
    if (perSourceLimit > 0) {
      for (Container master : masters.values()) {
        int peak = records.peakVirtualCopies(master.id());
        if (peak > perSourceLimit) {
          problems.add(master.name() + " peaked at " + peak + " virtual copies");
        }
      }
      clonesPerMaster.forEach(
          (id, count) -> {
            if (count > perSourceLimit) {
              problems.add(id + " holds " + count + " virtual copies");
            }
          });
    }
    return new ProvisioningCheck(masters.size() - 1, clonesByName.size(), problems);
  }
}
