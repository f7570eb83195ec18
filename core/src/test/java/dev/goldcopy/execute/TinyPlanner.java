package dev.goldcopy.execute;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deliberately small planner for the executor's unit tests, so they do not depend on the real
 * planner's choices: one image, replicas copied from the origin, clones spread evenly, failed copies
 * deleted and remade, removed VMs' clones deleted. Clones are named by their VM id.
 */
final class TinyPlanner implements Function<PlanningInput, ReplicationPlan> {

  @Override
  public ReplicationPlan apply(PlanningInput input) {
    List<PlanStep> steps = new ArrayList<>();
    Container origin = null;
    TreeMap<String, Container> masters = new TreeMap<>();
    Map<String, Container> clones = new HashMap<>();
    for (Container c : input.inventory().containers()) {
      if (c.isOrigin()) {
        origin = c;
      } else if (c.isMaster()) {
        masters.put(c.name(), c);
      } else {
        clones.put(c.name(), c);
      }
    }
    if (origin == null) {
      throw new IllegalArgumentException("inventory: no origin");
    }
    ContentId content = origin.content();
    Map<String, String> madeBy = new HashMap<>();
    Map<String, Integer> load = new TreeMap<>();
    load.put(origin.name(), 0);
    Map<dev.goldcopy.spi.ContainerId, String> nameOfId = new HashMap<>();
    nameOfId.put(origin.id(), origin.name());
    for (Container m : masters.values()) {
      nameOfId.put(m.id(), m.name());
      load.put(m.name(), 0);
      if (m.state() == ContainerState.FAILED) {
        String del = "delete-" + m.name();
        steps.add(
            new DeleteContainer(del, m.id(), m.name(), DeleteContainer.Cause.FAILED_COPY,
                List.of(), "failed copy"));
        String make = "replica-" + m.name();
        steps.add(
            new CreateReplica(make, m.name(), origin.name(), requireNonNull(m.group()), content, m.sizeBytes(), 1,
                List.of(del), "remake"));
        madeBy.put(m.name(), make);
      }
    }
    for (Container c : clones.values()) {
      VmId vm = VmId.of(c.name());
      if (!input.demand().vms().containsKey(vm)) {
        steps.add(
            new DeleteContainer("delete-" + c.name(), c.id(), c.name(),
                DeleteContainer.Cause.VM_REMOVED, List.of(), "VM removed"));
      } else {
        String master = nameOfId.get(c.source());
        if (master != null) {
          load.merge(master, 1, Integer::sum);
        }
      }
    }
    int limit = input.capabilities().maxVirtualCopiesPerSource();
    int n = input.demand().size();
    int needed = ArrayCapabilities.isLimited(limit) ? Math.max(1, (n + limit - 1) / limit) : 1;
    int k = 1;
    while (load.size() < needed) {
      String name = origin.group() + "-r" + k++;
      if (load.containsKey(name)) {
        continue;
      }
      String make = "replica-" + name;
      steps.add(
          new CreateReplica(make, name, origin.name(), requireNonNull(origin.group()), content, origin.sizeBytes(),
              1, List.of(), "sizing"));
      madeBy.put(name, make);
      load.put(name, 0);
    }
    List<VmId> shortVms = new ArrayList<>();
    for (VmId vm : input.demand().vms().keySet()) {
      if (clones.containsKey(vm.value())) {
        continue;
      }
      String best = null;
      for (Map.Entry<String, Integer> e : load.entrySet()) {
        boolean room = !ArrayCapabilities.isLimited(limit) || e.getValue() < limit;
        if (room && (best == null || e.getValue() < load.getOrDefault(best, 0))) {
          best = e.getKey();
        }
      }
      if (best == null) {
        shortVms.add(vm);
        continue;
      }
      load.merge(best, 1, Integer::sum);
      String dep = madeBy.get(best);
      steps.add(
          new CreateClone("clone-" + vm.value(), vm.value(), vm, best, content,
              dep == null ? List.of() : List.of(dep), "spread"));
    }
    List<Shortfall> shortfalls =
        shortVms.isEmpty()
            ? List.of()
            : List.of(new Shortfall(content, Shortfall.Limit.PER_SOURCE, shortVms, "no room"));
    return new ReplicationPlan(input.store(), steps, shortfalls);
  }
}
