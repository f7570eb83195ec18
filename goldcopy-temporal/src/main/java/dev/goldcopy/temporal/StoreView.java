package dev.goldcopy.temporal;

import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A round's view of the store: containers by name, and how many dependents (virtual copies,
 * copies in progress) each container has, updated as steps finish. Workflow state.
 */
final class StoreView {
  private final Map<String, ContainerDto> byName = new HashMap<>();
  private final Map<String, int[]> dependents = new HashMap<>();

  StoreView(ObservationDto observation) {
    for (ContainerDto c : observation.containers()) {
      byName.put(c.name(), c);
      String source = c.source();
      if (source != null && (!c.master() || c.state() == ContainerState.COPYING)) {
        count(source, 1);
      }
    }
  }

  @Nullable ContainerDto get(String name) {
    return byName.get(name);
  }

  int dependents(@Nullable String id) {
    int[] count = id == null ? null : dependents.get(id);
    return count == null ? 0 : count[0];
  }

  void made(ContainerDto c) {
    byName.put(c.name(), c);
  }

  void cloned(@Nullable String sourceId) {
    if (sourceId != null) {
      count(sourceId, 1);
    }
  }

  void deleted(String name) {
    ContainerDto was = byName.remove(name);
    if (was != null && !was.master()) {
      String source = was.source();
      if (source != null && dependents(source) > 0) {
        count(source, -1);
      }
    }
  }

  private void count(String id, int by) {
    dependents.computeIfAbsent(id, k -> new int[1])[0] += by;
  }
}
