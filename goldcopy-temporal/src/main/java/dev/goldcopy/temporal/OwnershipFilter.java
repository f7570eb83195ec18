package dev.goldcopy.temporal;

import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.PlanResult;
import dev.goldcopy.temporal.wire.StepDto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaves out of a plan every deletion of a container this control plane does not own, and every
 * step that waits for such a deletion, and says which and why. Pure.
 */
final class OwnershipFilter {
  private OwnershipFilter() {}

  static PlanResult filter(PlanDto plan, ObservationDto observation, OwnerId owner) {
    Map<String, ContainerDto> byId = new HashMap<>();
    for (ContainerDto c : observation.containers()) {
      byId.put(c.id(), c);
    }
    Map<String, String> dropped = new HashMap<>();
    List<String> leftInPlace = new ArrayList<>();
    List<String> held = new ArrayList<>();
    List<StepDto> kept = new ArrayList<>(plan.steps().size());
    for (StepDto s : plan.steps()) {
      if (s.kind() == StepDto.Kind.DELETE) {
        String id = s.containerId();
        ContainerDto target = id == null ? null : byId.get(id);
        if (target != null && !WorkflowLabels.owns(target, owner)) {
          leftInPlace.add(s.name());
          dropped.put(s.id(), "deleting " + s.name() + ", which this control plane does not own");
          continue;
        }
      }
      String blocker = null;
      for (String dep : s.dependsOn()) {
        blocker = dropped.get(dep);
        if (blocker != null) {
          break;
        }
      }
      if (blocker != null) {
        dropped.put(s.id(), blocker);
        held.add(s.id() + ": waits for " + blocker);
        continue;
      }
      kept.add(s);
    }
    PlanDto result = dropped.isEmpty() ? plan : plan.withSteps(kept);
    return new PlanResult(result, leftInPlace, held, null);
  }
}
