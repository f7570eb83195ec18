package dev.goldcopy.plan;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The typed and per-master views of a {@link ReplicationPlan}. */
final class PlanViews {
  private PlanViews() {}

  /** The steps of {@code type}, in order, as an immutable list. */
  static <T extends PlanStep> List<T> ofType(List<PlanStep> steps, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (PlanStep step : steps) {
      if (type.isInstance(step)) {
        out.add(type.cast(step));
      }
    }
    return Collections.unmodifiableList(out);
  }

  static SortedMap<String, Integer> newClonesPerMaster(ReplicationPlan plan) {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (PlanStep step : plan.steps()) {
      if (step instanceof CreateClone c) {
        out.merge(c.masterName(), 1, Integer::sum);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  static SortedMap<String, Integer> clonesPerMasterAfter(ReplicationPlan plan, Inventory before) {
    Set<ContainerId> deleted = new HashSet<>();
    for (PlanStep step : plan.steps()) {
      if (step instanceof DeleteContainer d) {
        deleted.add(d.container());
      }
    }
    Map<ContainerId, String> masterName = new HashMap<>();
    SortedMap<String, Integer> out = new TreeMap<>();
    for (Container c : before.containers()) {
      if (c.kind() == ContainerKind.PHYSICAL_MASTER) {
        masterName.put(c.id(), c.name());
        if (!deleted.contains(c.id())) {
          out.put(c.name(), 0);
        }
      }
    }
    for (Container c : before.containers()) {
      ContainerId source = c.source();
      if (c.kind() == ContainerKind.VIRTUAL_COPY && source != null && !deleted.contains(c.id())) {
        String name = masterName.get(source);
        if (name != null) {
          out.merge(name, 1, Integer::sum);
        }
      }
    }
    for (PlanStep step : plan.steps()) {
      if (step instanceof CreateReplica r) {
        out.putIfAbsent(r.name(), 0);
      }
    }
    for (Map.Entry<String, Integer> e : newClonesPerMaster(plan).entrySet()) {
      out.merge(e.getKey(), e.getValue(), Integer::sum);
    }
    return Collections.unmodifiableSortedMap(out);
  }
}
