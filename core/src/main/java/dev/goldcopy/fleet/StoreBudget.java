package dev.goldcopy.fleet;

import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.SizingRule;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One store's room as the fleet planner fills it: per image version, the masters of the group the
 * store planner would use and their free clone slots; the array's totals and free capacity left.
 */
final class StoreBudget {
  static final long UNBOUNDED = Long.MAX_VALUE / 4;

  /** One image version's group in the store. */
  static final class Group {
    long masters;
    final long cap;
    final long image;
    long freeSlots;
    long newReplicas;

    Group(long masters, long cap, long image, long freeSlots) {
      this.masters = masters;
      this.cap = cap;
      this.image = image;
      this.freeSlots = freeSlots;
    }
  }

  final FleetStore fleetStore;
  final int index;
  final int perMaster;
  final long growth;
  final Map<ContentId, Group> groups = new HashMap<>();
  final Map<String, Integer> affinityCount = new HashMap<>();
  long virtualLeft;
  long containersLeft;
  long capacityLeft;
  long placed;

  StoreBudget(FleetStore s, int index, PlanningPolicy policy) {
    this.fleetStore = s;
    this.index = index;
    ArrayCapabilities caps = s.capabilities();
    this.perMaster = SizingRule.clonesPerMaster(policy, caps);
    this.growth = policy.expectedCloneGrowthBytes();
    this.virtualLeft = ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal())
        ? caps.remainingVirtualCopies() : UNBOUNDED;
    this.containersLeft = ArrayCapabilities.isLimited(caps.maxContainersTotal())
        ? caps.remainingContainers() : UNBOUNDED;
    this.capacityLeft = caps.freeCapacityBytes();
    readGroups(policy);
  }

  /** The group the store planner chooses per version: the origin's, else the lowest id. */
  private void readGroups(PlanningPolicy policy) {
    Map<ContainerId, Integer> clonesOn = new HashMap<>();
    Map<ContentId, TreeMap<String, List<Container>>> byContent = new HashMap<>();
    for (Container c : fleetStore.inventory().containers()) {
      if (!c.isMaster()) {
        ContainerId source = c.source();
        if (source != null) {
          clonesOn.merge(source, 1, Integer::sum);
        }
      } else if (c.state() != ContainerState.FAILED
          && Ownership.classify(c, policy.owner(), policy.adoption())
              != Ownership.Kind.OTHER_OWNER) {
        byContent.computeIfAbsent(c.content(), k -> new TreeMap<>())
            .computeIfAbsent(String.valueOf(c.group()), k -> new java.util.ArrayList<>()).add(c);
      }
    }
    byContent.forEach((content, groupsById) -> {
      List<Container> chosen = groupsById.firstEntry().getValue();
      for (List<Container> g : groupsById.values()) {
        if (g.stream().anyMatch(Container::isOrigin)) {
          chosen = g;
          break;
        }
      }
      boolean origin = chosen.stream().anyMatch(Container::isOrigin);
      long used = 0;
      long image = 0;
      for (Container m : chosen) {
        used += clonesOn.getOrDefault(m.id(), 0);
        image = Math.max(image, m.sizeBytes());
      }
      long slots = perMaster == 0 ? UNBOUNDED : Math.max(0, (long) chosen.size() * perMaster - used);
      groups.put(content, new Group(chosen.size(), SizingRule.masterCap(policy, origin), image,
          slots));
    });
  }

  /** Why the store cannot take a clone of {@code content} now, or empty if it can. */
  String refusesClone(ContentId content) {
    Group g = groups.get(content);
    if (g == null) {
      return "holds no master of " + content;
    }
    if (virtualLeft <= 0) {
      return "virtual copy total reached";
    }
    if (containersLeft <= 0) {
      return "container total reached";
    }
    if (capacityLeft < growth) {
      return "out of capacity";
    }
    return g.freeSlots > 0 ? "" : "masters full";
  }

  boolean canTakeClone(ContentId content) {
    return refusesClone(content).isEmpty();
  }

  /** Why the store cannot add a replica of {@code content} and clone on it, or empty. */
  String refusesReplica(ContentId content) {
    Group g = groups.get(content);
    if (g == null) {
      return "holds no master of " + content;
    }
    if (perMaster == 0) {
      return "masters full";
    }
    if (g.masters >= g.cap) {
      return "master cap reached";
    }
    if (virtualLeft <= 0 || containersLeft < 2) {
      return virtualLeft <= 0 ? "virtual copy total reached" : "container total reached";
    }
    return capacityLeft < g.image + growth ? "out of capacity" : "";
  }

  void addReplica(ContentId content) {
    Group g = java.util.Objects.requireNonNull(groups.get(content), "group");
    g.masters++;
    g.newReplicas++;
    g.freeSlots += perMaster;
    containersLeft--;
    capacityLeft -= g.image;
  }

  void takeClone(ContentId content) {
    Group g = java.util.Objects.requireNonNull(groups.get(content), "group");
    g.freeSlots--;
    virtualLeft--;
    containersLeft--;
    capacityLeft -= growth;
    placed++;
  }

  /** How full the store is for its weight: the spread's key. */
  double fill() {
    return (double) placed / fleetStore.weight();
  }
}
