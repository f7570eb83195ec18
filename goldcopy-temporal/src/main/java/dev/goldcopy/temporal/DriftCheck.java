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
    // A remaining create whose container is already there as that create makes it is an earlier
    // attempt of this run (its answer was lost): count it as done.
    List<FactDto> actual = Approvals.facts(Approvals.names(remaining), observation);
    Map<String, FactDto> actualByName = new HashMap<>();
    for (FactDto f : actual) {
      actualByName.put(f.name(), f);
    }
    Set<String> assumed = new java.util.HashSet<>(done);
    for (StepDto s : remaining) {
      FactDto there = actualByName.get(s.name());
      if (s.kind() != StepDto.Kind.DELETE && there != null && ownEarlierAttempt(there, s)) {
        assumed.add(s.id());
      }
    }
    Map<String, FactDto> expected = expected(approved, assumed);
    for (FactDto f : actual) {
      String difference =
          expected.getOrDefault(f.name(), FactDto.absent(f.name())).differenceFrom(f);
      if (!difference.isEmpty()) {
        return difference;
      }
    }
    return null;
  }

  /** Whether the container is there as {@code create} makes it: same kind and source, not failed. */
  private static boolean ownEarlierAttempt(FactDto actual, StepDto create) {
    if (!actual.present() || actual.state() == ContainerState.FAILED) {
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
