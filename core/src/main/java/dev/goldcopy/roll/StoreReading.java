package dev.goldcopy.roll;

import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a roll reads from the inventory once: each VM's clone, the masters of the two versions,
 * and how many of the owner's clones each master carries.
 */
final class StoreReading {
  /** Each VM's live clone (not failed), by the VM label or else by name. */
  final Map<VmId, Container> cloneOf = new HashMap<>();
  /** Live masters (ready or copying) of each version. */
  final Map<ContentId, List<Container>> mastersOf = new HashMap<>();
  /** Clones on each master, by the master's id. */
  final Map<ContainerId, Integer> clonesOn = new HashMap<>();
  final Map<ContainerId, Container> byId = new HashMap<>();

  StoreReading(Inventory inventory) {
    for (Container c : inventory.containers()) {
      byId.put(c.id(), c);
      if (c.isMaster() && c.state() != ContainerState.FAILED) {
        mastersOf.computeIfAbsent(c.content(), k -> new ArrayList<>()).add(c);
      } else if (!c.isMaster()) {
        ContainerId source = c.source();
        if (source != null) {
          clonesOn.merge(source, 1, Integer::sum);
        }
        if (c.state() != ContainerState.FAILED) {
          cloneOf.put(VmId.of(c.labels().get(Ownership.VM).orElse(c.name())), c);
        }
      }
    }
  }

  List<Container> masters(ContentId content) {
    return mastersOf.getOrDefault(content, List.of());
  }

  static boolean hasOrigin(List<Container> masters) {
    for (Container m : masters) {
      if (m.isOrigin()) {
        return true;
      }
    }
    return false;
  }

  static long bytes(List<Container> masters) {
    long sum = 0;
    for (Container m : masters) {
      sum += m.sizeBytes();
    }
    return sum;
  }

  static long imageBytes(List<Container> masters) {
    long max = 0;
    for (Container m : masters) {
      max = Math.max(max, m.sizeBytes());
    }
    return max;
  }

  /** Whether the planner may retire {@code m}: the owner's or adopted, not the origin, ready. */
  static boolean retirable(Container m, PlanningPolicy policy) {
    Ownership.Kind kind = Ownership.classify(m, policy.owner(), policy.adoption());
    return !m.isOrigin()
        && m.state() == ContainerState.READY
        && (kind == Ownership.Kind.OWN || kind == Ownership.Kind.ADOPTED);
  }
}
