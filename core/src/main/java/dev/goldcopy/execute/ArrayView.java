package dev.goldcopy.execute;

import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The array as one round sees it: the inventory it planned from, kept up to date with what the
 * round makes and deletes. Counts each container's dependents (its clones, and copies of it still
 * in progress) and is the last guard before a deletion: never the origin, never a container with
 * dependents.
 */
final class ArrayView {
  private final Map<String, Container> byName;
  private final Map<ContainerId, Container> byId;
  private final Map<ContainerId, int[]> dependents;

  private ArrayView(
      Map<String, Container> byName,
      Map<ContainerId, Container> byId,
      Map<ContainerId, int[]> dependents) {
    this.byName = byName;
    this.byId = byId;
    this.dependents = dependents;
  }

  /** Indexes {@code inventory}. */
  static ArrayView of(Inventory inventory) {
    List<Container> containers = inventory.containers();
    Map<String, Container> names = new HashMap<>(containers.size() * 2);
    Map<ContainerId, Container> ids = new HashMap<>(containers.size() * 2);
    Map<ContainerId, int[]> deps = new HashMap<>();
    for (Container c : containers) {
      names.put(c.name(), c);
      ids.put(c.id(), c);
      ContainerId source = c.source();
      if (source != null && (!c.isMaster() || c.state() == ContainerState.COPYING)) {
        deps.computeIfAbsent(source, k -> new int[1])[0]++;
      }
    }
    return new ArrayView(names, ids, deps);
  }

  /** Forgets everything: the round is over and nothing asks this view again. */
  void clear() {
    byName.clear();
    byId.clear();
    dependents.clear();
  }

  /** Returns the container named {@code name}, or null. */
  @Nullable Container named(String name) {
    return byName.get(name);
  }

  /** Notes a physical copy that is now complete. */
  void copyMade(Container copy) {
    byName.put(copy.name(), copy);
    byId.put(copy.id(), copy);
  }

  /** Notes a new clone of {@code source}. */
  void cloneMade(ContainerId source) {
    dependents.computeIfAbsent(source, k -> new int[1])[0]++;
  }

  /** Notes that {@code id} is gone. */
  void deleted(ContainerId id) {
    Container was = byId.remove(id);
    if (was != null) {
      byName.remove(was.name(), was);
      ContainerId source = was.source();
      int[] count = source == null ? null : dependents.get(source);
      if (count != null && count[0] > 0 && !was.isMaster()) {
        count[0]--;
      }
    }
  }

  /** Returns why {@code d} must not be carried out, or null if it may. */
  @Nullable String refusal(DeleteContainer d, Stewardship stewardship) {
    Container target = byId.get(d.container());
    if (target != null && target.isOrigin()) {
      return "refused: " + d.name() + " is the origin of its group";
    }
    if (target != null && !stewardship.manages(target)) {
      return "refused: " + d.name() + " is not Goldcopy's to delete (owner " + stewardship.owner()
          + " did not make or adopt it)";
    }
    int[] count = dependents.get(d.container());
    if (count != null && count[0] > 0) {
      return "refused: " + d.name() + " still has " + count[0] + " dependent(s)";
    }
    return null;
  }
}
