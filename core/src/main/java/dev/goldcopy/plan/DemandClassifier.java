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
   * @param unserved VMs no plan can serve: their name is taken, or their image has no usable group
   * @param managedClones the clones the policy's owner manages in the store
   * @param removals the names of the managed clones deleted because their VM left the demand
   * @param movable each master's kept clones of VMs whose disk may be recreated
   */
  record Result(
      Map<ContentId, ContentDemand> byContent,
      Map<String, String> oldDelete,
      List<DeleteContainer> cloneDeletes,
      List<ContainerId> cloneDeleteSources,
      int keptElsewhere,
      List<Shortfall> unserved,
      int managedClones,
      List<String> removals,
      Map<ContainerId, List<Movable>> movable) {}

  /** A kept clone of a VM whose disk may be recreated: it may move to another master. */
  record Movable(VmId vm, Container container) {}

  private final InventoryIndex index;
  private final Map<ContentId, String> chosenGroup;
  private final List<Finding> findings;
  private final Map<ContentId, ContentDemand> byContent = new HashMap<>();
  private final Map<String, String> oldDelete = new HashMap<>();
  private final List<DeleteContainer> cloneDeletes = new ArrayList<>();
  private final List<ContainerId> cloneDeleteSources = new ArrayList<>();
  private int keptElsewhere;
  private final Map<ContentId, List<VmId>> nameTaken = new HashMap<>();
  private final List<Shortfall> unserved = new ArrayList<>();
  private final List<String> removals = new ArrayList<>();
  private final Map<ContainerId, Integer> foreignOnMaster = new HashMap<>();
  private int managedClones;
  private final Map<ContainerId, List<Movable>> movable = new HashMap<>();

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
    c.readDemand(input.demand(), input.capabilities().nameRules());
    c.deleteUnclaimed();
    DemandReports.unknownContents(c.byContent, chosenGroup, c.unserved);
    DemandReports.nameTaken(c.nameTaken, c.unserved, findings);
    DemandReports.foreignOnMasters(c.foreignOnMaster, index.masters(), findings);
    return new Result(
        c.byContent, c.oldDelete, c.cloneDeletes, c.cloneDeleteSources, c.keptElsewhere,
        c.unserved, c.managedClones, c.removals, c.movable);
  }

  private void readDemand(Demand demand, dev.goldcopy.spi.NameRules rules) {
    NamingStrategy naming = index.policy().naming();
    CloneNames names = new CloneNames(naming);
    ContentId lastContent = null;
    ContentDemand last = null;
    List<VmId> vms = demand.vms().keySet().asList();
    List<ContentId> contents = demand.vms().values().asList();
    int count = vms.size();
    // Usually no VM may be recreated: then no VM is looked up in those sets.
    boolean someMayRecreate = !demand.recreatable().isEmpty() || !demand.recompose().isEmpty();
    boolean ownNames = true;
    for (int i = 0; i < count; i++) {
      VmId vm = vms.get(i);
      ContentId wanted = contents.get(i);
      String name = names.of(vm, rules);
      ContentDemand d = last;
      if (d == null || !wanted.equals(lastContent)) {
        d = byContent.get(wanted);
        if (d == null) {
          // The first image version's list is sized for every VM left less the clones that may
          // stay; the others grow as they need.
          int expected =
              byContent.isEmpty() ? Math.max(10, count - i - index.clones().count()) : 10;
          d = new ContentDemand(vm, expected);
          byContent.put(wanted, d);
        }
        last = d;
        lastContent = wanted;
      }
      d.vms++;
      if (index.namesMaster(name)) {
        nameTaken.computeIfAbsent(wanted, k -> new ArrayList<>()).add(vm);
        continue;
      }
      // VM ids rise; while every name so far is its VM's id, the names rise too.
      ownNames = ownNames && name.equals(vm.value());
      readVm(vm, name, wanted, d, someMayRecreate && demand.mayRecreate(vm), ownNames);
    }
    names.checkPlain(demand, rules);
  }

  private void readVm(VmId vm, String name, ContentId wanted, ContentDemand demand,
      boolean mayRecreate, boolean rising) {
    Container c = rising ? index.clones().claimAbove(name) : index.clones().claim(name);
    if (c == null) {
      demand.toPlace.add(vm);
      return;
    }
    if (!index.manages(c)) {
      // Someone else's container holds this name: it is never touched, and the VM waits.
      nameTaken.computeIfAbsent(wanted, k -> new ArrayList<>()).add(vm);
      countForeign(c);
      return;
    }
    managedClones++;
    ContainerId source = requireNonNull(c.source(), "source");
    if (c.state() != ContainerState.FAILED && !wanted.equals(c.content()) && !mayRecreate) {
      keepForRecompose(c, source, vm, wanted);
      return;
    }
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
      if (mayRecreate && index.policy().consolidate()) {
        movable.computeIfAbsent(source, k -> new ArrayList<>()).add(new Movable(vm, c));
      }
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
      if (!index.manages(c)) {
        // Not Goldcopy's to delete: it stays, and holds its place on its master.
        int m = index.masters().ordinal(source);
        if (m >= 0) {
          index.masters().addKept(m);
        }
        countForeign(c);
        continue;
      }
      managedClones++;
      if (c.state() == ContainerState.FAILED) {
        deleteClone(c, source, DeleteContainer.Cause.FAILED_COPY, "The clone's copy failed.");
      } else {
        removals.add(c.name());
        deleteClone(
            c, source, DeleteContainer.Cause.VM_REMOVED, "VM " + c.name() + " left the demand.");
      }
    }
  }

  private void countForeign(Container c) {
    ContainerId source = c.source();
    if (source != null && index.masters().ordinal(source) >= 0) {
      foreignOnMaster.merge(source, 1, Integer::sum);
    }
  }

  /** A persistent VM on another image version keeps its clone until it is asked to recompose. */
  private void keepForRecompose(Container c, ContainerId source, VmId vm, ContentId wanted) {
    int m = index.masters().ordinal(source);
    if (m >= 0) {
      index.masters().addKept(m);
    } else {
      keptElsewhere++;
    }
    findings.add(
        new Finding(
            Finding.Kind.RECOMPOSE_DUE,
            c.name(),
            "persistent VM " + vm + " runs " + c.content() + " but the demand wants " + wanted
                + "; its disk is kept until the caller asks to recompose it"));
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

  /** Adds the deletion of a clone that moves; the caller places its VM again. */
  static String deleteMoved(Result result, Container c, String reason) {
    String id = PlanRun.deleteStepId(c.name());
    result.cloneDeletes().add(
        new DeleteContainer(id, c.id(), c.name(), DeleteContainer.Cause.CONSOLIDATED, List.of(),
            reason));
    result.cloneDeleteSources().add(requireNonNull(c.source(), "source"));
    result.oldDelete().put(c.name(), id);
    return id;
  }

  private String deleteClone(
      Container c, ContainerId source, DeleteContainer.Cause cause, String reason) {
    String id = PlanRun.deleteStepId(c.name());
    cloneDeletes.add(new DeleteContainer(id, c.id(), c.name(), cause, List.of(), reason));
    cloneDeleteSources.add(source);
    return id;
  }
}
