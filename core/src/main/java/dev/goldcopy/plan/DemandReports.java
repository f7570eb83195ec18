package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemandClassifier} reports once the demand is read: the VMs of image versions no
 * group serves, the VMs whose clone's name another container holds, and the masters that others'
 * virtual copies use.
 */
final class DemandReports {
  private DemandReports() {}

  /**
   * Drops from {@code byContent} each image version no group serves, and lists its VMs still to
   * be placed as unserved, in the contents' order.
   */
  static void unknownContents(Map<ContentId, DemandClassifier.ContentDemand> byContent,
      Map<ContentId, String> chosenGroup, List<Shortfall> unserved) {
    List<ContentId> unknown = new ArrayList<>();
    for (ContentId content : byContent.keySet()) {
      if (!chosenGroup.containsKey(content)) {
        unknown.add(content);
      }
    }
    unknown.sort(GroupChoice.CONTENT_ORDER);
    for (ContentId content : unknown) {
      // Only this image's VMs go unserved; the rest of the store is planned.
      DemandClassifier.ContentDemand d = requireNonNull(byContent.remove(content), "demand");
      if (!d.toPlace.isEmpty()) {
        unserved.add(
            new Shortfall(
                content,
                Shortfall.Limit.NO_USABLE_GROUP,
                List.copyOf(d.toPlace),
                d.toPlace.size() + " VM(s) of " + content + " cannot be provisioned: no ready origin"
                    + " or usable replica group holds that image (first " + d.toPlace.get(0) + ")"));
      }
    }
  }

  /** Lists, per image version, the VMs whose clone's name is taken, and a finding for each. */
  static void nameTaken(Map<ContentId, List<VmId>> nameTaken, List<Shortfall> unserved,
      List<Finding> findings) {
    for (Map.Entry<ContentId, List<VmId>> e : nameTaken.entrySet()) {
      List<VmId> vms = e.getValue();
      vms.sort(null);
      unserved.add(
          new Shortfall(
              e.getKey(),
              Shortfall.Limit.NAME_TAKEN,
              List.copyOf(vms),
              vms.size() + " VM(s) cannot be provisioned: a container Goldcopy does not own (or a"
                  + " master) already holds the name each clone needs, first " + vms.get(0)));
      for (VmId vm : vms) {
        findings.add(new Finding(Finding.Kind.NAME_TAKEN, vm.value(),
            "the name of VM " + vm + "'s clone is taken by a container Goldcopy does not own"));
      }
    }
  }

  /** Says, for each master others' virtual copies use, how many there are. */
  static void foreignOnMasters(Map<ContainerId, Integer> foreignOnMaster, MasterTable masters,
      List<Finding> findings) {
    for (Map.Entry<ContainerId, Integer> e : foreignOnMaster.entrySet()) {
      Container master = masters.at(masters.ordinal(e.getKey()));
      findings.add(
          new Finding(
              Finding.Kind.FOREIGN_ON_MASTER,
              master.name(),
              e.getValue() + " virtual cop(ies) Goldcopy does not own use master " + master.name()
                  + "; they count against its limit and are never touched"));
    }
  }
}
