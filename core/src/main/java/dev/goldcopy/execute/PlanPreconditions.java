package dev.goldcopy.execute;

import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Checks an approved plan's preconditions against what the array shows, before any of its steps
 * acts. What matters: a source or master the plan copies from is gone or no longer a usable master
 * of the content; a name the plan creates is held by something else; a container the plan deletes
 * is now another container or has dependents the plan does not delete; and the plan's new clones,
 * containers and copies no longer fit a limit or the free capacity. What does not: work of the
 * plan already done (a container it makes is there as planned, a container it deletes is gone),
 * and changes to the array's concurrency, which the executor follows anyway.
 */
final class PlanPreconditions {
  private final Map<String, Container> byName = new HashMap<>();
  private final Map<ContainerId, Container> byId = new HashMap<>();
  private final Map<ContainerId, List<Container>> clonesOf = new HashMap<>();
  private final Set<String> made = new HashSet<>();
  private final Set<ContainerId> deleted = new HashSet<>();
  private final List<Drift> drift = new ArrayList<>();
  private final Predicate<Container> ours;

  private PlanPreconditions(ReplicationPlan plan, Inventory inventory, Predicate<Container> ours) {
    this.ours = ours;
    for (Container c : inventory.containers()) {
      byName.put(c.name(), c);
      byId.put(c.id(), c);
      ContainerId source = c.source();
      if (source != null && !c.isMaster()) {
        clonesOf.computeIfAbsent(source, k -> new ArrayList<>()).add(c);
      }
    }
    for (PlanStep s : plan.steps()) {
      if (s instanceof CreateReplica r) {
        made.add(r.name());
      } else if (s instanceof CreateClone c) {
        made.add(c.name());
      } else {
        deleted.add(((DeleteContainer) s).container());
      }
    }
  }

  /**
   * Returns how the store drifted from {@code plan}'s assumptions; empty if the plan may run.
   *
   * @param plan the approved plan
   * @param caps the array's capabilities now
   * @param inventory the store now
   * @param ours whether a container is Goldcopy's (the owner's or adopted): only such a container
   *     counts as a step's work already done
   */
  static List<Drift> check(
      ReplicationPlan plan, ArrayCapabilities caps, Inventory inventory, Predicate<Container> ours) {
    PlanPreconditions p = new PlanPreconditions(plan, inventory, ours);
    Map<String, Integer> newClonesOn = new LinkedHashMap<>();
    long newBytes = 0;
    int newContainers = 0;
    int newClones = 0;
    for (PlanStep s : plan.steps()) {
      if (s instanceof CreateReplica r) {
        p.source(r.id(), r.sourceName(), r);
        if (p.replicaTarget(r)) {
          newBytes += r.sizeBytes();
          newContainers++;
        }
      } else if (s instanceof CreateClone c) {
        p.source(c.id(), c.masterName(), c);
        if (p.cloneTarget(c)) {
          newClonesOn.merge(c.masterName(), 1, Integer::sum);
          newContainers++;
          newClones++;
        }
      } else {
        p.deletion((DeleteContainer) s);
      }
    }
    p.limits(caps, newClonesOn, newClones, newContainers, newBytes);
    return List.copyOf(p.drift);
  }

  /** A copy's source must be a usable master of the content, on the array or made by the plan. */
  private void source(String stepId, String sourceName, PlanStep step) {
    Container source = byName.get(sourceName);
    if (source == null) {
      if (!made.contains(sourceName)) {
        drift.add(new Drift(stepId, sourceName, "a master to copy from", "no container of that name"));
      }
      return;
    }
    var content = step instanceof CreateReplica r ? r.content() : ((CreateClone) step).content();
    if (!source.isMaster()
        || !source.content().equals(content)
        || source.state() == ContainerState.FAILED
        || deleted.contains(source.id())) {
      drift.add(
          new Drift(stepId, sourceName, "a usable master of " + content, describe(source)));
    }
  }

  /** Returns whether the replica is still to be made; notes drift if its name is taken. */
  private boolean replicaTarget(CreateReplica r) {
    Container there = byName.get(r.name());
    if (there == null || deleted.contains(there.id())) {
      return true;
    }
    if (!there.isMaster()
        || !ours.test(there)
        || !r.group().equals(there.group())
        || !r.content().equals(there.content())) {
      drift.add(new Drift(r.id(), r.name(), "the name free, or this replica", describe(there)));
    }
    return false;
  }

  /** Returns whether the clone is still to be made; notes drift if its name is taken. */
  private boolean cloneTarget(CreateClone c) {
    Container there = byName.get(c.name());
    if (there == null || deleted.contains(there.id())) {
      return true;
    }
    Container master = byName.get(c.masterName());
    if (there.isMaster()
        || !ours.test(there)
        || master == null
        || !master.id().equals(there.source())) {
      drift.add(new Drift(c.id(), c.name(), "the name free, or this clone of " + c.masterName(),
          describe(there)));
    }
    return false;
  }

  private void deletion(DeleteContainer d) {
    Container target = byId.get(d.container());
    if (target == null) {
      return; // already gone: the step's work is done
    }
    if (!target.name().equals(d.name())) {
      drift.add(new Drift(d.id(), d.name(), "container " + d.container() + " named " + d.name(),
          describe(target)));
      return;
    }
    int kept = 0;
    for (Container clone : clonesOf.getOrDefault(target.id(), List.of())) {
      if (!deleted.contains(clone.id())) {
        kept++;
      }
    }
    if (kept > 0) {
      drift.add(new Drift(d.id(), d.name(), "no dependents the plan does not delete",
          kept + " such virtual cop" + (kept == 1 ? "y" : "ies")));
    }
  }

  private void limits(
      ArrayCapabilities caps,
      Map<String, Integer> newClonesOn,
      int newClones,
      int newContainers,
      long newBytes) {
    int perSource = caps.maxVirtualCopiesPerSource();
    for (Map.Entry<String, Integer> e : newClonesOn.entrySet()) {
      Container master = byName.get(e.getKey());
      int kept = master == null ? 0 : keptClones(master.id());
      if (ArrayCapabilities.isLimited(perSource) && kept + e.getValue() > perSource) {
        drift.add(new Drift("plan", e.getKey(), "room for " + e.getValue() + " more clone(s) within "
            + perSource + " per source", kept + " clone(s) kept on it"));
      }
    }
    int freed = 0;
    int freedClones = 0;
    long freedBytes = 0;
    for (ContainerId id : deleted) {
      Container c = byId.get(id);
      if (c != null) {
        freed++;
        if (c.isMaster()) {
          freedBytes += c.sizeBytes();
        } else {
          freedClones++;
        }
      }
    }
    if (newClones - freedClones > caps.remainingVirtualCopies()) {
      drift.add(new Drift("plan", "array", "room for " + (newClones - freedClones)
          + " more virtual copies", caps.remainingVirtualCopies() + " left"));
    }
    if (newContainers - freed > caps.remainingContainers()) {
      drift.add(new Drift("plan", "array", "room for " + (newContainers - freed)
          + " more containers", caps.remainingContainers() + " left"));
    }
    if (newBytes > caps.freeCapacityBytes() + freedBytes) {
      drift.add(new Drift("plan", "store", newBytes + " bytes free for new replicas",
          caps.freeCapacityBytes() + " bytes free"));
    }
  }

  private int keptClones(ContainerId master) {
    int kept = 0;
    for (Container clone : clonesOf.getOrDefault(master, List.of())) {
      if (!deleted.contains(clone.id())) {
        kept++;
      }
    }
    return kept;
  }

  private static String describe(@Nullable Container c) {
    if (c == null) {
      return "nothing";
    }
    return (c.isMaster() ? "master " : "virtual copy ") + c.name() + " (" + c.id() + ", "
        + c.content() + ", " + c.state() + ")";
  }
}
