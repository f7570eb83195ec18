package dev.goldcopy.benchmarks;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.VmId;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the planner plans, in sample mode so that JMH prints percentiles: one store of 10,000,
 * 100,000 and 1,000,000 VMs with a per-source limit of 8, half of them already provisioned
 * (targets: 1,000,000 VMs under 250 ms, and the time per VM the same from 10,000 to 1,000,000),
 * and 10,000 stores of 1,000 VMs each, the same shape (target: under 1 s at the 90th percentile).
 *
 * <p>The provisioned half is what Goldcopy's executor leaves behind: the origin (unlabelled, as an
 * administrator makes it), then {@code ceil(N / 2 / 8)} replicas and one clone per VM, each
 * labelled as Goldcopy's own for the default owner, so that the planner keeps them. The plan makes
 * the missing replicas and the other half's clones. The inventory lists the containers by name, as
 * the qcow2 and Ceph adapters list them (the simulator lists them in the order they were made,
 * which for one plan's clones is name order too); {@code -p order=shuffled} lists them in a fixed
 * random order instead, the planner's worst case. {@code -prof gc}'s {@code gc.alloc.rate.norm}
 * gives the bytes allocated per plan.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PlannerBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class PlannerBenchmark {
  private static final ContentId GOLD = ContentId.of("win11", "2026.11");
  private static final GroupId GROUP = GroupId.of("gold");
  private static final long IMAGE = 40L << 30;
  private static final int LIMIT = 8;
  private static final ContainerReplicationPlanner PLANNER =
      ContainerReplicationPlanner.create(PlanningPolicy.defaults());

  /** Creates the benchmark; JMH calls this. */
  public PlannerBenchmark() {}

  /** One large store. */
  @State(Scope.Benchmark)
  public static class OneStore {
    /** VMs in the demand; half of them are provisioned already. */
    @Param({"10000", "100000", "1000000"})
    public int vms;

    /** The inventory's order: {@code byName} or {@code shuffled}. */
    @Param({"byName"})
    public String order = "byName";

    PlanningInput input = halfProvisioned(StoreRef.of("tenant", "store-0"), Demand.none());

    /** Creates the state; JMH calls this. */
    public OneStore() {}

    /** Builds the store. */
    @Setup(Level.Trial)
    public void setUp() {
      Demand demand = Demand.of(GOLD, "vm", vms);
      input = new Shape(demand, order.equals("shuffled")).inventory(
          StoreRef.of("tenant", "store-0"), demand);
    }
  }

  /** Many small stores. */
  @State(Scope.Benchmark)
  public static class ManyStores {
    /** How many stores. */
    @Param({"10000"})
    public int stores;

    /** VMs per store; half of them are provisioned already. */
    @Param({"1000"})
    public int vmsPerStore;

    PlanningInput[] inputs = new PlanningInput[0];

    /** Creates the state; JMH calls this. */
    public ManyStores() {}

    /** Builds the stores, each with its own inventory. */
    @Setup(Level.Trial)
    public void setUp() {
      inputs = new PlanningInput[stores];
      // VM ids are scoped to their store, so every store may share one immutable demand, and the
      // same immutable names, ids and labels; each store has its own containers.
      Demand demand = Demand.of(GOLD, "vm", vmsPerStore);
      Shape shape = new Shape(demand, false);
      for (int i = 0; i < stores; i++) {
        inputs[i] = shape.inventory(StoreRef.of("tenant", "store-" + i), demand);
      }
    }
  }

  /**
   * Plans one large store.
   *
   * @param state the store
   * @return the plan
   */
  @Benchmark
  public ReplicationPlan oneLargeStore(OneStore state) {
    return PLANNER.plan(state.input);
  }

  /**
   * Plans every small store once.
   *
   * @param state the stores
   * @param sink consumes each plan
   */
  @Benchmark
  public void manySmallStores(ManyStores state, Blackhole sink) {
    for (PlanningInput input : state.inputs) {
      sink.consume(PLANNER.plan(input));
    }
  }

  /**
   * Builds a store for {@code demand} (VMs named as {@link Demand#of} names them) with the first
   * half of its VMs already provisioned by Goldcopy: an origin plus just enough replicas for them,
   * their clones spread evenly.
   */
  static PlanningInput halfProvisioned(StoreRef store, Demand demand) {
    return new Shape(demand, false).inventory(store, demand);
  }

  /** The names, ids and labels of a half-provisioned store, made once for many stores. */
  static final class Shape {
    final int provisioned;
    final int masters;
    final String[] names;
    final ContainerId[] ids;
    final Labels[] labels;
    /** The order the inventory lists the containers in, as indices into the arrays. */
    final Integer[] order;

    Shape(Demand demand, boolean shuffled) {
      provisioned = demand.size() / 2;
      masters = Math.max(1, (provisioned + LIMIT - 1) / LIMIT);
      names = new String[masters + provisioned];
      ids = new ContainerId[masters + provisioned];
      labels = new Labels[masters + provisioned];
      names[0] = "gold-origin";
      ids[0] = ContainerId.of("m0");
      labels[0] = Labels.empty();
      Labels replica = Ownership.replica(OwnerId.DEFAULT, GROUP, GOLD, names[0]);
      for (int m = 1; m < masters; m++) {
        names[m] = "gold-r" + pad(m, 3);
        ids[m] = ContainerId.of("m" + m);
        labels[m] = replica;
      }
      for (int i = 1; i <= provisioned; i++) {
        int at = masters + i - 1;
        names[at] = "vm-" + pad(i, 5);
        ids[at] = ContainerId.of("c" + i);
        labels[at] = Ownership.clone(OwnerId.DEFAULT, VmId.of(names[at]), GOLD,
            names[(i - 1) % masters], true);
      }
      order = new Integer[names.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      if (shuffled) {
        Collections.shuffle(Arrays.asList(order), new Random(42));
      } else {
        Arrays.sort(order, Comparator.comparing((Integer i) -> names[i]));
      }
    }

    PlanningInput inventory(StoreRef store, Demand demand) {
      List<Container> containers = new ArrayList<>(names.length);
      for (int at : order) {
        if (at == 0) {
          containers.add(
              new Container(ids[0], names[0], ContainerKind.PHYSICAL_MASTER, GOLD, GROUP, null,
                  store, IMAGE, ContainerState.READY, labels[0]));
        } else if (at < masters) {
          containers.add(
              new Container(ids[at], names[at], ContainerKind.PHYSICAL_MASTER, GOLD, GROUP,
                  ids[0], store, IMAGE, ContainerState.READY, labels[at]));
        } else {
          int i = at - masters + 1;
          containers.add(
              new Container(ids[at], names[at], ContainerKind.VIRTUAL_COPY, GOLD, null,
                  ids[(i - 1) % masters], store, IMAGE, ContainerState.READY, labels[at]));
        }
      }
      ArrayCapabilities caps =
          ArrayCapabilities.builder().maxVirtualCopiesPerSource(LIMIT)
              .maxConcurrentPhysicalCopies(4).build();
      return new PlanningInput(store, caps, new Inventory(store, containers), demand);
    }
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
