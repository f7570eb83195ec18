package dev.goldcopy.temporal;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.CapabilitiesDto;
import dev.goldcopy.temporal.wire.FactDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.StepDto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks whether a store still matches an approved plan's preconditions, given the steps already
 * carried out: the expected facts are the approved ones with each done step's effect applied, and
 * only the names that the remaining steps touch are compared. Pure.
 */
final class DriftCheck {
  private DriftCheck() {}

  /**
   * Returns the first way the store drifted that matters to the remaining steps, or null.
   *
   * @param approved the approved plan
   * @param done the ids of its steps carried out
   * @param observation the store now
   */
  static @Nullable String drift(ApprovedPlanDto approved, Set<String> done, ObservationDto observation) {
    CapabilitiesDto caps = observation.capabilities();
    int limit = caps.maxVirtualCopiesPerSource();
    int was = approved.perSourceLimit();
    if (ArrayCapabilities.isLimited(limit) && (!ArrayCapabilities.isLimited(was) || limit < was)) {
      return "the per-source clone limit is now " + limit + "; the plan was made for "
          + (ArrayCapabilities.isLimited(was) ? Integer.toString(was) : "no limit");
    }
    if (approved.virtualCopiesSupported() && !caps.virtualCopiesSupported()) {
      return "the array no longer makes virtual copies";
    }
    List<StepDto> remaining = new ArrayList<>();
    for (StepDto s : approved.plan().steps()) {
      if (!done.contains(s.id())) {
        remaining.add(s);
      }
    }
    if (remaining.isEmpty()) {
      return null;
    }
    Map<String, FactDto> expected = expected(approved, done);
    Map<String, StepDto> creates = new HashMap<>();
    for (StepDto s : remaining) {
      if (s.kind() != StepDto.Kind.DELETE) {
        creates.put(s.name(), s);
      }
    }
    for (FactDto actual : Approvals.facts(Approvals.names(remaining), observation)) {
      FactDto want = expected.getOrDefault(actual.name(), FactDto.absent(actual.name()));
      String difference = want.differenceFrom(actual);
      if (!difference.isEmpty() && !ownEarlierAttempt(want, actual, creates.get(actual.name()))) {
        return difference;
      }
    }
    return null;
  }

  /** A remaining create's container already there as that create makes it: an earlier attempt. */
  private static boolean ownEarlierAttempt(FactDto want, FactDto actual, @Nullable StepDto create) {
    if (create == null || want.present() || !actual.present()
        || actual.state() == ContainerState.FAILED) {
      return false;
    }
    ContainerKind kind = create.kind() == StepDto.Kind.REPLICA
        ? ContainerKind.PHYSICAL_MASTER : ContainerKind.VIRTUAL_COPY;
    return actual.kind() == kind && java.util.Objects.equals(actual.sourceName(), create.sourceName());
  }

  private static Map<String, FactDto> expected(ApprovedPlanDto approved, Set<String> done) {
    Map<String, FactDto> facts = new LinkedHashMap<>();
    for (FactDto f : approved.facts()) {
      facts.put(f.name(), f);
    }
    for (StepDto s : approved.plan().steps()) {
      if (!done.contains(s.id())) {
        continue;
      }
      String content = s.imageId() + "@" + s.version();
      switch (s.kind()) {
        case REPLICA -> facts.put(s.name(), new FactDto(s.name(), true,
            ContainerKind.PHYSICAL_MASTER, ContainerState.READY, s.sourceName(), content, 0));
        case CLONE -> {
          facts.put(s.name(), new FactDto(s.name(), true, ContainerKind.VIRTUAL_COPY,
              ContainerState.READY, s.sourceName(), content, 0));
          adjustClones(facts, s.sourceName(), 1);
        }
        case DELETE -> {
          FactDto was = facts.put(s.name(), FactDto.absent(s.name()));
          if (was != null && was.present() && was.kind() == ContainerKind.VIRTUAL_COPY) {
            adjustClones(facts, was.sourceName(), -1);
          }
        }
      }
    }
    return facts;
  }

  private static void adjustClones(Map<String, FactDto> facts, @Nullable String master, int by) {
    FactDto f = master == null ? null : facts.get(master);
    if (f != null) {
      facts.put(f.name(), f.withClones(f.clones() + by));
    }
  }
}
