package dev.goldcopy.temporal;

import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.temporal.wire.ApprovedPlanDto;
import dev.goldcopy.temporal.wire.CapabilitiesDto;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.FactDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.StepDto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes an approved plan: a plan together with the facts it was made on, about every container
 * name its steps touch (a step's target, a copy's source, a clone's master), and the per-source
 * limit it relied on. Pure.
 */
public final class Approvals {
  private Approvals() {}

  /**
   * Approves a plan made from {@code input}.
   *
   * @param input what the plan was made from
   * @param plan the plan, as the planner made it from {@code input}
   * @return the approved plan, to hand to {@link StoreClient#apply}
   */
  public static ApprovedPlanDto approve(PlanningInput input, ReplicationPlan plan) {
    return approve(PlanDto.of(plan), ObservationDto.of(input.capabilities(), input.inventory()));
  }

  /**
   * Approves a plan on the wire, made from an observation.
   *
   * @param plan the plan
   * @param observation what it was made from
   * @return the approved plan
   */
  public static ApprovedPlanDto approve(PlanDto plan, ObservationDto observation) {
    List<FactDto> facts = facts(names(plan.steps()), observation);
    CapabilitiesDto caps = observation.capabilities();
    return new ApprovedPlanDto(plan, facts, caps.maxVirtualCopiesPerSource(),
        caps.virtualCopiesSupported(),
        fingerprint(facts, caps.maxVirtualCopiesPerSource(), caps.virtualCopiesSupported()));
  }

  /** The names the steps touch, sorted. */
  static TreeSet<String> names(List<StepDto> steps) {
    TreeSet<String> names = new TreeSet<>();
    for (StepDto s : steps) {
      names.add(s.name());
      String source = s.sourceName();
      if (source != null) {
        names.add(source);
      }
    }
    return names;
  }

  /** The facts about {@code names} in an observation, in the names' order. */
  static List<FactDto> facts(Iterable<String> names, ObservationDto observation) {
    Map<String, ContainerDto> byName = new HashMap<>();
    Map<String, String> nameOfId = new HashMap<>();
    Map<String, Integer> clones = new HashMap<>();
    for (ContainerDto c : observation.containers()) {
      byName.put(c.name(), c);
      nameOfId.put(c.id(), c.name());
      String source = c.source();
      if (source != null && c.kind() == ContainerKind.VIRTUAL_COPY) {
        clones.merge(source, 1, Integer::sum);
      }
    }
    List<FactDto> facts = new ArrayList<>();
    for (String name : names) {
      ContainerDto c = byName.get(name);
      if (c == null) {
        facts.add(FactDto.absent(name));
        continue;
      }
      String source = c.source();
      facts.add(new FactDto(name, true, c.kind(), c.state(),
          source == null ? null : nameOfId.get(source),
          c.imageId() + "@" + c.version(), clones.getOrDefault(c.id(), 0)));
    }
    return facts;
  }

  private static String fingerprint(List<FactDto> facts, int limit, boolean virtual) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (FactDto f : facts) {
        sha.update(f.toString().getBytes(StandardCharsets.UTF_8));
      }
      sha.update(("limit=" + limit + ",virtual=" + virtual).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("sha256:");
      for (byte b : sha.digest()) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
