package dev.goldcopy.execute;

import dev.goldcopy.execute.ArrayCalls.Observation;
import dev.goldcopy.plan.CreateClone;
import dev.goldcopy.plan.CreateReplica;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanStep;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The store as the steps of an approved plan are checked against, one step at a time: one read of
 * the capabilities and the inventory, kept up to date with the changes the run asked for since
 * (as reserved room) and with the answers it got (containers made and deleted). It errs towards
 * letting a step pass: room a change in flight at the time of the read already took may be counted
 * once, not twice, so the array's own refusal remains the guard of its limits.
 */
final class StepView {
  private final ArrayCapabilities caps;
  private final Map<String, Container> byName = new HashMap<>();
  private final Map<ContainerId, Container> byId = new HashMap<>();
  /** The names of each container's clones: listed, asked for since, or made since. */
  private final Map<ContainerId, Set<String>> clonesOn = new HashMap<>();
  /** The names of the physical copies of each container still in progress. */
  private final Map<ContainerId, Set<String>> copiesOf = new HashMap<>();
  private int newClones;
  private int newContainers;
  private long newBytes;
  private int freedClones;
  private int freedContainers;
  private long freedBytes;
  /** When the read began. */
  final Instant readAt;

  StepView(Observation observation, Instant readAt) {
    this.caps = observation.capabilities();
    this.readAt = readAt;
    for (Container c : observation.inventory().containers()) {
      byName.put(c.name(), c);
      byId.put(c.id(), c);
      ContainerId source = c.source();
      if (source != null && !c.isMaster()) {
        names(clonesOn, source).add(c.name());
      } else if (source != null && c.state() == ContainerState.COPYING) {
        names(copiesOf, source).add(c.name());
      }
    }
  }

  /**
   * Returns how the store differs from what {@code step} assumes, or null if it may be issued.
   *
   * @param step the plan's step
   * @param subject the container the step copies from, or the one it deletes
   * @param ours whether a container is Goldcopy's: only such a container is a step's work done
   */
  @Nullable Drift check(PlanStep step, ContainerId subject, Predicate<Container> ours) {
    if (step instanceof CreateReplica r) {
      Drift d = source(r.id(), r.sourceName(), subject, r.content());
      return d != null ? d : replica(r, ours);
    }
    if (step instanceof CreateClone c) {
      Drift d = source(c.id(), c.masterName(), subject, c.content());
      return d != null ? d : clone(c, subject, ours);
    }
    return deletion((DeleteContainer) step, subject);
  }

  private @Nullable Drift source(String stepId, String name, ContainerId id, ContentId content) {
    Container source = byId.get(id);
    if (source == null) {
      return new Drift(stepId, name, "a master to copy from", "no such container (" + id + ")");
    }
    if (!source.isMaster() || !source.content().equals(content)
        || source.state() != ContainerState.READY) {
      return new Drift(stepId, name, "a usable master of " + content, describe(source));
    }
    return null;
  }

  private @Nullable Drift replica(CreateReplica r, Predicate<Container> ours) {
    Container there = byName.get(r.name());
    if (there != null) {
      boolean planned = there.isMaster() && ours.test(there) && r.group().equals(there.group())
          && r.content().equals(there.content());
      return planned ? null
          : new Drift(r.id(), r.name(), "the name free, or this replica", describe(there));
    }
    int containers = caps.remainingContainers() - newContainers + freedContainers;
    if (containers < 1) {
      return new Drift(r.id(), "array", "room for 1 more container", containers + " left");
    }
    long free = caps.freeCapacityBytes() - newBytes + freedBytes;
    long cost = caps.copyCosts().physicalCopyBytes(r.sizeBytes());
    if (free < cost) {
      return new Drift(r.id(), "store", cost + " bytes free for " + r.name(), free + " bytes free");
    }
    return null;
  }

  private @Nullable Drift clone(CreateClone c, ContainerId source, Predicate<Container> ours) {
    Container there = byName.get(c.name());
    if (there != null) {
      boolean planned = !there.isMaster() && ours.test(there) && source.equals(there.source());
      return planned ? null : new Drift(c.id(), c.name(),
          "the name free, or this clone of " + c.masterName(), describe(there));
    }
    int perSource = caps.maxVirtualCopiesPerSource();
    int on = names(clonesOn, source).size();
    if (ArrayCapabilities.isLimited(perSource) && on >= perSource) {
      return new Drift(c.id(), c.masterName(),
          "room for 1 more clone within " + perSource + " per source", on + " clone(s) on it");
    }
    int clones = caps.remainingVirtualCopies() - newClones + freedClones;
    int containers = caps.remainingContainers() - newContainers + freedContainers;
    if (clones < 1 || containers < 1) {
      return new Drift(c.id(), "array", "room for 1 more virtual copy",
          clones + " virtual copies and " + containers + " containers left");
    }
    return null;
  }

  private @Nullable Drift deletion(DeleteContainer d, ContainerId target) {
    Container there = byId.get(target);
    if (there == null) {
      return null; // already gone: the step's work is done
    }
    if (!there.name().equals(d.name())) {
      return new Drift(d.id(), d.name(), "container " + target + " named " + d.name(),
          describe(there));
    }
    int dependents = names(clonesOn, target).size() + names(copiesOf, target).size();
    if (dependents > 0) {
      return new Drift(d.id(), d.name(), "no dependents left when it is deleted",
          dependents + " dependent(s)");
    }
    return null;
  }

  /** Notes a step that passed and is being asked of the array: the room it will take. */
  void passed(PlanStep step, ContainerId subject) {
    if (step instanceof CreateReplica r && !byName.containsKey(r.name())) {
      newContainers++;
      newBytes += caps.copyCosts().physicalCopyBytes(r.sizeBytes());
      names(copiesOf, subject).add(r.name());
    } else if (step instanceof CreateClone c && !byName.containsKey(c.name())) {
      newClones++;
      newContainers++;
      names(clonesOn, subject).add(c.name());
    }
  }

  /** Notes a container a step's create answered with. */
  void made(Container c) {
    byName.put(c.name(), c);
    byId.put(c.id(), c);
    ContainerId source = c.source();
    if (source != null && !c.isMaster()) {
      names(clonesOn, source).add(c.name());
    } else if (source != null && c.state() != ContainerState.COPYING) {
      names(copiesOf, source).remove(c.name());
    }
  }

  /** Notes that a step deleted {@code id}. */
  void deleted(ContainerId id) {
    Container was = byId.remove(id);
    if (was == null) {
      return;
    }
    byName.remove(was.name(), was);
    freedContainers++;
    ContainerId source = was.source();
    if (!was.isMaster()) {
      freedClones++;
      if (source != null) {
        names(clonesOn, source).remove(was.name());
      }
    } else {
      freedBytes += was.sizeBytes();
      if (source != null) {
        names(copiesOf, source).remove(was.name());
      }
    }
  }

  private static Set<String> names(Map<ContainerId, Set<String>> map, ContainerId id) {
    return map.computeIfAbsent(id, k -> new HashSet<>());
  }

  private static String describe(Container c) {
    return (c.isMaster() ? "master " : "virtual copy ") + c.name() + " (" + c.id() + ", "
        + c.content() + ", " + c.state() + ")";
  }
}
