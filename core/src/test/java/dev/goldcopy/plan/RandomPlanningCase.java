package dev.goldcopy.plan;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A planning input and policy drawn from a seed: the same seed gives the same case on every JVM
 * ({@link Random} is specified bit for bit). One seed in five is a {@link Scenario} (a store built
 * by carrying out an earlier plan) under a random policy; the others are drawn container by
 * container: several image versions, several groups per version, failed and copying masters,
 * failed and moved clones, clones outside their group or with a missing source, replica-shaped VM
 * ids and clone names, and now and then a malformed input the planner must refuse.
 *
 * @param policy the policy to plan with
 * @param input the store, capabilities, inventory and demand
 */
record RandomPlanningCase(PlanningPolicy policy, PlanningInput input) {
  private static final StoreRef STORE = StoreModel.STORE;
  private static final long GIB = 1L << 30;
  private static final ContentId[] CONTENTS = {
    ContentId.of("win11", "2026.11"), ContentId.of("win11", "2026.12"),
    ContentId.of("ubuntu", "24.04"),
  };
  private static final ContentId UNKNOWN = ContentId.of("rhel", "9.4");
  private static final String[][] GROUP_NAMES = {
    {"gold", "gold-b", "a-gold"}, {"gold2", "g2"}, {"ubu", "ubu-x", "my ubu"},
  };

  /** Draws the case for {@code seed}. */
  static RandomPlanningCase of(long seed) {
    Random r = new Random(seed);
    PlanningPolicy policy = policy(r);
    if (seed % 5 == 0) {
      return fromScenario(r, policy);
    }
    return new Drawing(r).draw(policy);
  }

  private static RandomPlanningCase fromScenario(Random r, PlanningPolicy policy) {
    Scenario s = new Scenario(r.nextInt(10), r.nextInt(61), r.nextInt(5), r.nextInt(61),
        r.nextInt(256));
    StoreModel store = s.store();
    PlanningPolicy withGrowth =
        r.nextBoolean() ? policy : policy.toBuilder().expectedCloneGrowthBytes(s.growth()).build();
    return new RandomPlanningCase(withGrowth, store.input(s.demand()));
  }

  private static PlanningPolicy policy(Random r) {
    return PlanningPolicy.builder()
        .originServesClones(r.nextInt(4) != 0)
        .placement(r.nextBoolean() ? Placement.SPREAD : Placement.PACK)
        .cloneRatio(r.nextInt(3) == 0 ? 1 + r.nextInt(12) : 0)
        .maxMastersPerGroup(r.nextInt(4) == 0 ? 1 + r.nextInt(6) : 0)
        .maxConcurrentCreationsPerSource(r.nextInt(4) == 0 ? 1 + r.nextInt(10) : 0)
        .growthHeadroomPercent(
            r.nextInt(4) == 0 ? (r.nextInt(20) == 0 ? r.nextInt(1001) : r.nextInt(60)) : 0)
        .expectedCloneGrowthBytes(
            r.nextInt(3) == 0 ? (r.nextBoolean() ? 5 * GIB : 1 + r.nextInt(1 << 20)) : 0)
        .build();
  }

  /** Draws one store container by container. */
  private static final class Drawing {
    private final Random r;
    private final Map<String, Container> byName = new LinkedHashMap<>();
    private final List<Container> masters = new ArrayList<>();
    private int nextId = 1;
    private int contents;

    Drawing(Random r) {
      this.r = r;
    }

    RandomPlanningCase draw(PlanningPolicy policy) {
      contents = 1 + r.nextInt(3);
      for (int c = 0; c < contents; c++) {
        int groups = r.nextInt(6) == 0 ? 2 + r.nextInt(2) : 1;
        for (int g = 0; g < groups && g < GROUP_NAMES[c].length; g++) {
          group(GROUP_NAMES[c][g], CONTENTS[c]);
        }
      }
      if (r.nextInt(100) == 0 && !masters.isEmpty()) {
        // A group holding two image versions: refused.
        Container m = masters.get(r.nextInt(masters.size()));
        GroupId group = Objects.requireNonNull(m.group());
        add(group.value() + "-mixed", ContainerKind.PHYSICAL_MASTER,
            CONTENTS[(indexOf(m.content()) + 1) % CONTENTS.length], group, m.id(),
            ContainerState.READY, m.sizeBytes());
      }
      int scale = r.nextInt(40) == 0 ? 2000 : r.nextInt(8) == 0 ? 400 : 80;
      Demand demand = clonesAndDemand(scale);
      ArrayCapabilities caps = capabilities(scale);
      StoreRef inventoryStore =
          r.nextInt(200) == 0 ? StoreRef.of("tenant-a", "pool-2") : STORE;
      List<Container> containers = new ArrayList<>(byName.values());
      List<Container> placed = new ArrayList<>(containers.size());
      for (Container c : containers) {
        placed.add(inventoryStore.equals(STORE) ? c : moved(c, inventoryStore));
      }
      shuffle(placed);
      return new RandomPlanningCase(
          policy, new PlanningInput(STORE, caps, new Inventory(inventoryStore, placed), demand.allRecreatable(), DeletionApproval.all()));
    }

    private void group(String group, ContentId content) {
      long size = (r.nextInt(4) == 0 ? 1 + r.nextInt(80) : 40) * GIB;
      Container origin = null;
      if (r.nextInt(5) != 0) {
        origin = add(group + "-origin", ContainerKind.PHYSICAL_MASTER, content, GroupId.of(group),
            null, r.nextInt(30) == 0 ? ContainerState.FAILED : ContainerState.READY, size);
      }
      int replicas = r.nextInt(7);
      if (origin == null && replicas == 0 && r.nextInt(20) != 0) {
        replicas = 1;
      }
      for (int i = 0; i < replicas; i++) {
        String name = replicaLikeName(group);
        if (byName.containsKey(name)) {
          continue;
        }
        ContainerId source =
            origin != null && r.nextInt(4) != 0 ? origin.id()
                : !masters.isEmpty() && r.nextBoolean() ? masters.get(r.nextInt(masters.size())).id()
                : r.nextInt(3) == 0 ? null : ContainerId.of("gone-" + r.nextInt(5));
        int state = r.nextInt(7);
        add(name, ContainerKind.PHYSICAL_MASTER, content, GroupId.of(group), source,
            state == 0 ? ContainerState.FAILED : state == 1 ? ContainerState.COPYING
                : ContainerState.READY,
            r.nextInt(6) == 0 ? size / 2 : size);
      }
    }

    private String replicaLikeName(String group) {
      int kind = r.nextInt(20);
      int ordinal = 1 + r.nextInt(r.nextInt(5) == 0 ? 40 : 9);
      if (kind == 0) {
        return group + "-r0" + String.format(Locale.ROOT, "%03d", ordinal);
      } else if (kind == 1) {
        return group + "-r" + ordinal;
      } else if (kind == 2) {
        return group + "-r" + (1000 + ordinal);
      } else if (kind == 3) {
        return group + "-spare" + ordinal;
      }
      return group + "-r" + String.format(Locale.ROOT, "%03d", ordinal);
    }

    private Demand clonesAndDemand(int scale) {
      Demand.Builder demand = Demand.builder();
      Set<String> demanded = new HashSet<>();
      int provisioned = r.nextInt(scale + 1);
      for (int i = 1; i <= provisioned; i++) {
        String vm = String.format(Locale.ROOT, "vm-%05d", i);
        Container clone = clone(vm);
        if (clone == null) {
          continue;
        }
        int fate = r.nextInt(10);
        if (fate == 0) {
          continue; // left the demand
        }
        ContentId wanted =
            fate == 1 ? CONTENTS[r.nextInt(contents)] : clone.content();
        demand.add(VmId.of(vm), wanted);
        demanded.add(vm);
      }
      int toCome = r.nextInt(scale + 1);
      boolean unknown = r.nextInt(100) == 0;
      for (int i = 1; i <= toCome; i++) {
        String vm = String.format(Locale.ROOT, "new-%05d", i);
        demand.add(VmId.of(vm), i == 1 && unknown ? UNKNOWN : CONTENTS[r.nextInt(contents)]);
        demanded.add(vm);
      }
      int odd = r.nextInt(4) == 0 ? 1 + r.nextInt(4) : 0;
      for (int i = 0; i < odd; i++) {
        String vm = oddVmName();
        if (vm.indexOf(' ') >= 0 || !demanded.add(vm)) {
          continue;
        }
        if (byName.containsKey(vm) && byName.get(vm).isMaster() && r.nextInt(4) != 0) {
          continue; // mostly avoid the refused case, a VM named like a master
        }
        if (r.nextBoolean() && !byName.containsKey(vm) && !masters.isEmpty()) {
          clone(vm);
        }
        demand.add(VmId.of(vm), CONTENTS[r.nextInt(contents)]);
      }
      int stray = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
      for (int i = 0; i < stray; i++) {
        String name = oddVmName();
        if (!byName.containsKey(name) && !masters.isEmpty() && name.indexOf(' ') < 0) {
          clone(name); // a clone named like a replica, not in the demand
        }
      }
      return demand.build();
    }

    private String oddVmName() {
      String group = GROUP_NAMES[r.nextInt(contents)][r.nextInt(2)];
      return switch (r.nextInt(4)) {
        case 0 -> group + "-r" + String.format(Locale.ROOT, "%03d", 1 + r.nextInt(12));
        case 1 -> group + "-origin";
        case 2 -> "a-very-long-virtual-machine-name-" + r.nextInt(100);
        default -> "zz-" + r.nextInt(1000);
      };
    }

    private @Nullable Container clone(String vm) {
      if (masters.isEmpty()) {
        return null;
      }
      Container master = masters.get(r.nextInt(masters.size()));
      int where = r.nextInt(40);
      ContainerId source = master.id();
      ContentId content = master.content();
      if (where == 0) {
        source = ContainerId.of("gone-" + r.nextInt(3));
      } else if (where == 1) {
        Container other = firstClone();
        if (other != null) {
          source = other.id();
        }
      } else if (where == 2) {
        content = CONTENTS[r.nextInt(contents)];
      }
      int state = r.nextInt(25);
      return add(vm, ContainerKind.VIRTUAL_COPY, content, null, source,
          state == 0 ? ContainerState.FAILED : state == 1 ? ContainerState.COPYING
              : ContainerState.READY,
          master.sizeBytes());
    }

    private @Nullable Container firstClone() {
      for (Container c : byName.values()) {
        if (!c.isMaster()) {
          return c;
        }
      }
      return null;
    }

    private ArrayCapabilities capabilities(int scale) {
      ArrayCapabilities.Builder b = ArrayCapabilities.builder()
          .maxVirtualCopiesPerSource(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 10
              : 100))
          .maxConcurrentPhysicalCopies(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6))
          .maxConcurrentVirtualCopies(r.nextInt(3) == 0 ? 1 + r.nextInt(30) : 0);
      if (r.nextInt(4) == 0) {
        b.maxVirtualCopiesTotal(1 + r.nextInt(2 * scale + 10));
      }
      if (r.nextInt(3) == 0) {
        long total = 1000 * 80 * GIB;
        b.totalCapacityBytes(total)
            .freeCapacityBytes(Math.min(total, r.nextInt(20) * 40 * GIB + r.nextInt(1 << 30)));
      }
      if (r.nextInt(25) == 0) {
        b.maxNameLength(8 + r.nextInt(10));
      }
      return b.build();
    }

    private Container add(String name, ContainerKind kind, ContentId content,
        @Nullable GroupId group, @Nullable ContainerId source, ContainerState state, long size) {
      Container c = new Container(ContainerId.of("id-" + nextId++), name, kind, content, group,
          source, STORE, size, state, ownLabels(name, kind, content, group, source));
      byName.put(name, c);
      if (c.isMaster()) {
        masters.add(c);
      }
      return c;
    }

    private static Container moved(Container c, StoreRef store) {
      return new Container(c.id(), c.name(), c.kind(), c.content(), c.group(), c.source(), store,
          c.sizeBytes(), c.state(), c.labels());
    }

    /** The labels Goldcopy would have written: none on an origin, the default owner's otherwise. */
    private static dev.goldcopy.spi.Labels ownLabels(String name, ContainerKind kind, ContentId content,
        @Nullable GroupId group, @Nullable ContainerId source) {
      if (source == null) {
        return dev.goldcopy.spi.Labels.empty();
      }
      return kind == ContainerKind.PHYSICAL_MASTER
          ? Ownership.replica(OwnerId.DEFAULT, java.util.Objects.requireNonNull(group, "group"), content, source.value())
          : Ownership.clone(OwnerId.DEFAULT, VmId.of(name), content, source.value(), false);
    }

    private void shuffle(List<Container> list) {
      for (int i = list.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Container t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
      }
    }

    private static int indexOf(ContentId content) {
      for (int i = 0; i < CONTENTS.length; i++) {
        if (CONTENTS[i].equals(content)) {
          return i;
        }
      }
      return 0;
    }
  }
}
