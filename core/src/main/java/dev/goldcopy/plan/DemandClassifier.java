package dev.goldcopy.plan;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the demand against the inventory's clones: each VM keeps its clone, has it replaced (a
 * failed copy, or another image version: the old clone is deleted first) or gets a new one; every
 * clone no VM claims is deleted. Counts the clones kept on each master and reports kept clones
 * outside their image version's chosen group.
 */
final class DemandClassifier {

  /** The demand for one image version: how many VMs, and those that need a new clone. */
  static final class ContentDemand {
    final VmId first;
    int vms;
    final List<VmId> toPlace;

    ContentDemand(VmId first, int expected) {
      this.first = first;
      this.toPlace = new ArrayList<>(expected);
    }
  }

  /**
   * What the demand asks of the store.
   *
   * @param byContent the demand of each image version
   * @param oldDelete for a VM whose clone is replaced, the id of the old clone's deletion
   * @param cloneDeletes the clone deletions, in the inventory's and the demand's order
   * @param cloneDeleteSources each deleted clone's source, at the same position
   * @param keptElsewhere clones kept on a source that is no master of the inventory
   */
  record Result(
      Map<ContentId, ContentDemand> byContent,
      Map<String, String> oldDelete,
      List<DeleteContainer> cloneDeletes,
      List<ContainerId> cloneDeleteSources,
      int keptElsewhere) {}

  private final InventoryIndex index;
  private final Map<ContentId, String> chosenGroup;
  private final List<Finding> findings;
  private final Map<ContentId, ContentDemand> byContent = new HashMap<>();
  private final Map<String, String> oldDelete = new HashMap<>();
  private final List<DeleteContainer> cloneDeletes = new ArrayList<>();
  private final List<ContainerId> cloneDeleteSources = new ArrayList<>();
  private int keptElsewhere;

  private DemandClassifier(
      InventoryIndex index, Map<ContentId, String> chosenGroup, List<Finding> findings) {
    this.index = index;
    this.chosenGroup = chosenGroup;
    this.findings = findings;
  }

  /**
   * Classifies every demanded VM and every clone of the inventory.
   *
   * @throws IllegalArgumentException if a VM id is too long for the array or names a master, or
   *     a demanded image version has no live group
   */
  static Result classify(
      PlanningInput input,
      InventoryIndex index,
      Map<ContentId, String> chosenGroup,
      List<Finding> findings) {
    DemandClassifier c = new DemandClassifier(index, chosenGroup, findings);
    c.readDemand(input.demand(), input.capabilities().maxNameLength());
    c.deleteUnclaimed();
    c.checkKnown();
    return new Result(
        c.byContent, c.oldDelete, c.cloneDeletes, c.cloneDeleteSources, c.keptElsewhere);
  }

  private void readDemand(Demand demand, int maxName) {
    ContentId lastContent = null;
    ContentDemand last = null;
    List<VmId> vms = demand.vms().keySet().asList();
    List<ContentId> contents = demand.vms().values().asList();
    for (int i = 0; i < vms.size(); i++) {
      VmId vm = vms.get(i);
      ContentId wanted = contents.get(i);
      String name = vm.value();
      if (name.length() > maxName) {
        throw new IllegalArgumentException(
            "demand.vms: VM id " + vm + " names its clone and is longer than"
                + " capabilities.maxNameLength (" + maxName + ")");
      }
      if (index.namesMaster(name)) {
        throw new IllegalArgumentException(
            "demand.vms: VM id " + vm + " is the name of a master; a clone cannot take it");
      }
      ContentDemand d = last;
      if (d == null || !wanted.equals(lastContent)) {
        d = byContent.get(wanted);
        if (d == null) {
          // The first image version's list is sized for every VM left less the clones that may
          // stay; the others grow as they need.
          int expected =
              byContent.isEmpty() ? Math.max(10, vms.size() - i - index.clones().count()) : 10;
          d = new ContentDemand(vm, expected);
          byContent.put(wanted, d);
        }
        last = d;
        lastContent = wanted;
      }
      d.vms++;
      readVm(vm, wanted, d);
    }
  }

  private void readVm(VmId vm, ContentId wanted, ContentDemand demand) {
    String name = vm.value();
    Container c = index.clones().claim(name);
    if (c == null) {
      demand.toPlace.add(vm);
      return;
    }
    ContainerId source = requireNonNull(c.source(), "source");
    if (c.state() == ContainerState.FAILED) {
      oldDelete.put(
          name,
          deleteClone(c, source, DeleteContainer.Cause.FAILED_COPY, "The clone's copy failed."));
      demand.toPlace.add(vm);
    } else if (!wanted.equals(c.content())) {
      oldDelete.put(
          name,
          deleteClone(
              c,
              source,
              DeleteContainer.Cause.VM_REMOVED,
              "VM " + name + " moves from " + c.content() + " to " + wanted
                  + "; its new clone waits for this deletion."));
      demand.toPlace.add(vm);
    } else {
      keep(c, source, wanted);
    }
  }

  private void deleteUnclaimed() {
    List<Container> containers = index.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (index.clones().isClaimed(i) || c.isMaster()) {
        continue;
      }
      ContainerId source = requireNonNull(c.source(), "source");
      if (c.state() == ContainerState.FAILED) {
        deleteClone(c, source, DeleteContainer.Cause.FAILED_COPY, "The clone's copy failed.");
      } else {
        deleteClone(
            c, source, DeleteContainer.Cause.VM_REMOVED, "VM " + c.name() + " left the demand.");
      }
    }
  }

  private void checkKnown() {
    List<ContentId> unknown = new ArrayList<>();
    for (ContentId content : byContent.keySet()) {
      if (!chosenGroup.containsKey(content)) {
        unknown.add(content);
      }
    }
    if (!unknown.isEmpty()) {
      unknown.sort(GroupChoice.CONTENT_ORDER);
      ContentId content = unknown.get(0);
      throw new IllegalArgumentException(
          "demand.vms: unknown image " + content + " (wanted by VM "
              + requireNonNull(byContent.get(content), "demand").first
              + "): no ready or copying master holds it");
    }
  }

  private void keep(Container c, ContainerId source, ContentId wanted) {
    int m = index.masters().ordinal(source);
    if (m >= 0) {
      index.masters().addKept(m);
      if (index.masters().isChosen(m) && index.masters().contentAt(m).equals(wanted)) {
        return;
      }
    } else {
      keptElsewhere++;
    }
    Container master = m < 0 ? null : index.masters().at(m);
    if (master == null && !index.isClone(source)) {
      findings.add(
          new Finding(
              Finding.Kind.CLONE_SOURCE_MISSING,
              c.name(),
              "its source " + source + " is not in the inventory; kept, it still serves VM "
                  + c.name()));
    } else {
      findings.add(
          new Finding(
              Finding.Kind.CLONE_OUTSIDE_GROUP,
              c.name(),
              "its source " + (master == null ? source + ", a virtual copy," : master.name())
                  + " is not a ready member of group " + chosenGroup.get(wanted) + " for "
                  + wanted + "; kept where it is, it still serves VM " + c.name()));
    }
  }

  private String deleteClone(
      Container c, ContainerId source, DeleteContainer.Cause cause, String reason) {
    String id = PlanRun.deleteStepId(c.name());
    cloneDeletes.add(new DeleteContainer(id, c.id(), c.name(), cause, List.of(), reason));
    cloneDeleteSources.add(source);
    return id;
  }
}
