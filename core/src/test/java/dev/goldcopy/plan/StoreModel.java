package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory store for tests: builds inventories and carries plans out step by step, checking
 * that each step's dependencies and sources exist when it runs and that no master goes over the
 * per-source limit.
 */
final class StoreModel {
  static final StoreRef STORE = StoreRef.of("tenant-a", "pool-1");
  static final ContentId GOLD = ContentId.of("win11", "2026.11");
  static final ContentId GOLD2 = ContentId.of("win11", "2026.12");
  static final long IMAGE = 40L << 30;

  private final Map<String, Container> byName = new LinkedHashMap<>();
  private ArrayCapabilities caps;
  private int nextId = 1;

  StoreModel(ArrayCapabilities caps) {
    this.caps = caps;
  }

  static StoreModel withOrigin(ArrayCapabilities caps) {
    StoreModel m = new StoreModel(caps);
    m.master("gold", "gold-origin", GOLD, null, ContainerState.READY);
    return m;
  }

  ArrayCapabilities capabilities() {
    return caps;
  }

  Container master(String group, String name, ContentId content, @Nullable String sourceName,
      ContainerState state) {
    ContainerId source =
        sourceName == null ? null : Objects.requireNonNull(byName.get(sourceName)).id();
    Container c =
        new Container(ContainerId.of("id-" + nextId++), name, ContainerKind.PHYSICAL_MASTER,
            content, GroupId.of(group), source, STORE, IMAGE, state,
            source == null ? Labels.empty() : Ownership.replica(OwnerId.DEFAULT, GroupId.of(group), content, String.valueOf(sourceName)));
    byName.put(name, c);
    return c;
  }

  Container clone(String vm, String masterName, ContentId content, ContainerState state) {
    Container master = byName.get(masterName);
    ContainerId source = master == null ? ContainerId.of("gone-" + masterName) : master.id();
    Container c =
        new Container(ContainerId.of("id-" + nextId++), vm, ContainerKind.VIRTUAL_COPY, content,
            null, source, STORE, IMAGE, state,
            Ownership.clone(OwnerId.DEFAULT, VmId.of(vm), content, masterName, false));
    byName.put(vm, c);
    return c;
  }

  Inventory inventory() {
    return new Inventory(STORE, new ArrayList<>(byName.values()));
  }

  /**
   * The input for {@code demand} as the tests before ownership wrote it: every VM recreatable and
   * every deletion approved, so sizing is tested alone; persistence and the deletion guard have
   * tests of their own.
   */
  PlanningInput input(Demand demand) {
    return new PlanningInput(STORE, caps, inventory(), demand.allRecreatable(), DeletionApproval.all());
  }

  /** The input for {@code demand} as given, with no deletion approval. */
  PlanningInput strictInput(Demand demand) {
    return new PlanningInput(STORE, caps, inventory(), demand);
  }

  /** Carries every step out in plan order, checking dependencies, sources and limits. */
  void apply(ReplicationPlan plan, long cloneGrowth) {
    Set<String> done = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (PlanStep step : plan.steps()) {
      assertThat(ids.add(step.id())).as("unique step id %s", step.id()).isTrue();
      assertThat(done).as("dependencies of %s", step.id()).containsAll(step.dependsOn());
      if (step instanceof CreateReplica r) {
        assertThat(byName).as("source of %s", r.id()).containsKey(r.sourceName());
        Container source = Objects.requireNonNull(byName.get(r.sourceName()));
        assertThat(source.group()).isEqualTo(r.group());
        assertThat(byName).as("name %s free", r.name()).doesNotContainKey(r.name());
        byName.put(r.name(),
            new Container(ContainerId.of("id-" + nextId++), r.name(),
                ContainerKind.PHYSICAL_MASTER, r.content(), r.group(), source.id(), STORE,
                r.sizeBytes(), ContainerState.READY,
                Ownership.replica(OwnerId.DEFAULT, r.group(), r.content(), r.sourceName())));
        caps = caps.withFreeCapacityBytes(caps.freeCapacityBytes() - r.sizeBytes());
      } else if (step instanceof CreateClone c) {
        assertThat(byName).as("master of %s", c.id()).containsKey(c.masterName());
        Container master = Objects.requireNonNull(byName.get(c.masterName()));
        assertThat(master.content()).isEqualTo(c.content());
        assertThat(byName).as("name %s free", c.name()).doesNotContainKey(c.name());
        byName.put(c.name(),
            new Container(ContainerId.of("id-" + nextId++), c.name(), ContainerKind.VIRTUAL_COPY,
                c.content(), null, master.id(), STORE, master.sizeBytes(), ContainerState.READY,
                Ownership.clone(OwnerId.DEFAULT, c.vm(), c.content(), c.masterName(), false)));
        if (caps.maxVirtualCopiesPerSource() > 0) {
          assertThat(clonesOf(master.id()))
              .as("clones on %s", master.name())
              .isLessThanOrEqualTo(Math.max(caps.maxVirtualCopiesPerSource(), 0));
        }
        if (caps.maxVirtualCopiesTotal() > 0) {
          assertThat(totalClones()).isLessThanOrEqualTo(caps.maxVirtualCopiesTotal());
        }
        caps = caps.withFreeCapacityBytes(caps.freeCapacityBytes() - cloneGrowth);
      } else {
        DeleteContainer d = (DeleteContainer) step;
        assertThat(byName).as("container of %s", d.id()).containsKey(d.name());
        Container gone = Objects.requireNonNull(byName.remove(d.name()));
        assertThat(gone.id()).isEqualTo(d.container());
        assertThat(gone.isOrigin()).as("origin deleted").isFalse();
        assertThat(clonesOf(gone.id())).as("clones of deleted %s", d.name()).isZero();
        long freed = gone.isMaster() ? gone.sizeBytes() : cloneGrowth;
        long room = caps.totalCapacityBytes() - caps.freeCapacityBytes();
        caps = caps.withFreeCapacityBytes(caps.freeCapacityBytes() + Math.min(room, freed));
      }
      done.add(step.id());
    }
  }

  int clonesOf(ContainerId master) {
    int n = 0;
    for (Container c : byName.values()) {
      if (!c.isMaster() && master.equals(c.source())) {
        n++;
      }
    }
    return n;
  }

  int totalClones() {
    int n = 0;
    for (Container c : byName.values()) {
      if (!c.isMaster()) {
        n++;
      }
    }
    return n;
  }

  List<Container> masters() {
    List<Container> out = new ArrayList<>();
    for (Container c : byName.values()) {
      if (c.isMaster()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Each VM's clone: VM name to master name. */
  Map<String, String> placement() {
    Map<ContainerId, String> names = new HashMap<>();
    byName.values().forEach(c -> names.put(c.id(), c.name()));
    Map<String, String> out = new HashMap<>();
    for (Container c : byName.values()) {
      if (!c.isMaster()) {
        out.put(c.name(), names.getOrDefault(c.source(), "?"));
      }
    }
    return out;
  }
}
