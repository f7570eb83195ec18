package dev.goldcopy.benchmarks;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
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
import java.util.List;
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
 * How fast the planner plans: one store of 100,000 VMs with a per-source limit of 8, half of them
 * already provisioned (target under 50 ms), and 10,000 stores of 1,000 VMs each, the same shape
 * (target under 1 s for all). Run the 50,000-VM size too and compare {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} to see allocation grow linearly with the inventory.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PlannerBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class PlannerBenchmark {
  private static final ContentId GOLD = ContentId.of("win11", "2026.11");
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
    @Param({"100000"})
    public int vms;

    PlanningInput input = halfProvisioned(StoreRef.of("tenant", "store-0"), Demand.none());

    /** Creates the state; JMH calls this. */
    public OneStore() {}

    /** Builds the store. */
    @Setup(Level.Trial)
    public void setUp() {
      input = halfProvisioned(StoreRef.of("tenant", "store-0"), Demand.of(GOLD, "vm", vms));
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
      // VM ids are scoped to their store, so every store may share one immutable demand.
      Demand demand = Demand.of(GOLD, "vm", vmsPerStore);
      for (int i = 0; i < stores; i++) {
        inputs[i] = halfProvisioned(StoreRef.of("tenant", "store-" + i), demand);
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
   * half of its VMs already provisioned: an origin plus just enough replicas for them, their clones
   * spread evenly.
   */
  static PlanningInput halfProvisioned(StoreRef store, Demand demand) {
    int provisioned = demand.size() / 2;
    int masters = Math.max(1, (provisioned + LIMIT - 1) / LIMIT);
    List<Container> containers = new ArrayList<>(masters + provisioned);
    GroupId group = GroupId.of("gold");
    Container origin =
        new Container(ContainerId.of("m0"), "gold-origin", ContainerKind.PHYSICAL_MASTER, GOLD,
            group, null, store, IMAGE, ContainerState.READY);
    containers.add(origin);
    for (int m = 1; m < masters; m++) {
      containers.add(
          new Container(ContainerId.of("m" + m), "gold-r" + pad(m, 3),
              ContainerKind.PHYSICAL_MASTER, GOLD, group, origin.id(), store, IMAGE,
              ContainerState.READY));
    }
    for (int i = 1; i <= provisioned; i++) {
      ContainerId source = containers.get((i - 1) % masters).id();
      containers.add(
          new Container(ContainerId.of("c" + i), "vm-" + pad(i, 5),
              ContainerKind.VIRTUAL_COPY, GOLD, null, source, store, IMAGE,
              ContainerState.READY));
    }
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxVirtualCopiesPerSource(LIMIT).maxConcurrentPhysicalCopies(4)
            .build();
    return new PlanningInput(store, caps, new Inventory(store, containers), demand);
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
