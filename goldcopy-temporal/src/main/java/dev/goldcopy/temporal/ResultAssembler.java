package dev.goldcopy.temporal;

import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.DemandDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.PlanDto;
import dev.goldcopy.temporal.wire.VmResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads every VM's outcome from the array as observed at the end of a run, so that the result
 * agrees with the array: a VM has a copy only if the array lists a ready virtual copy of its name
 * made from a master of its image version. Pure.
 */
final class ResultAssembler {
  private ResultAssembler() {}

  /**
   * The outcome of each VM of the demand.
   *
   * @param demand the demand in force
   * @param observation the store at the end
   * @param plan the last plan, for its shortfalls; null if there was none
   * @param ledger what the workflow made and what failed
   * @param stopped why the run stopped early (cancel, drift), or null if it ran to its end
   */
  static List<VmResult> vms(DemandDto demand, ObservationDto observation, @Nullable PlanDto plan,
      RunLedger ledger, @Nullable String stopped) {
    Map<String, ContainerDto> byName = new HashMap<>();
    Map<String, ContainerDto> byId = new HashMap<>();
    for (ContainerDto c : observation.containers()) {
      byName.put(c.name(), c);
      byId.put(c.id(), c);
    }
    Map<String, PlanDto.ShortfallDto> shortVms = new HashMap<>();
    if (plan != null) {
      for (PlanDto.ShortfallDto s : plan.shortfalls()) {
        for (String vm : s.vms()) {
          shortVms.put(vm, s);
        }
      }
    }
    List<VmResult> out = new ArrayList<>(demand.size());
    for (DemandDto.Group g : demand.groups()) {
      String content = g.imageId() + "@" + g.version();
      for (String vm : g.vms()) {
        out.add(one(vm, content, byName, byId, shortVms, ledger, stopped));
      }
    }
    out.sort((a, b) -> a.vm().compareTo(b.vm()));
    return out;
  }

  private static VmResult one(String vm, String content, Map<String, ContainerDto> byName,
      Map<String, ContainerDto> byId, Map<String, PlanDto.ShortfallDto> shortVms,
      RunLedger ledger, @Nullable String stopped) {
    ContainerDto clone = byName.get(vm);
    String sourceId = clone == null ? null : clone.source();
    ContainerDto master = sourceId == null ? null : byId.get(sourceId);
    if (clone != null && clone.kind() == ContainerKind.VIRTUAL_COPY && clone.ready()
        && master != null && master.master()
        && content.equals(master.imageId() + "@" + master.version())) {
      // Made by this workflow: seen made, or asked for and never seen answered (a clone made on
      // the array whose answers were all lost is found ready by the next round's observation).
      boolean made = ledger.madeVms.contains(vm) || ledger.suspects.contains(vm);
      VmResult.Kind kind = made ? VmResult.Kind.PROVISIONED : VmResult.Kind.ALREADY_THERE;
      return new VmResult(vm, kind, clone.id(), master.name(), null);
    }
    PlanDto.ShortfallDto s = shortVms.get(vm);
    if (s != null) {
      return new VmResult(vm, VmResult.Kind.UNMET, null, null, s.limit() + ": " + s.reason());
    }
    String permanent = ledger.permanentFailures.get(vm);
    if (permanent != null) {
      return new VmResult(vm, VmResult.Kind.FAILED, null, null, permanent);
    }
    if (stopped != null) {
      return new VmResult(vm, VmResult.Kind.UNFINISHED, null, null, stopped);
    }
    String why = ledger.vmFailures.get(vm);
    return new VmResult(vm, VmResult.Kind.FAILED, null, null,
        why != null ? why : "the array lists no ready copy of it from a master of " + content);
  }
}
