package dev.goldcopy.benchmarks;

import dev.goldcopy.fleet.FleetConstraints;
import dev.goldcopy.fleet.FleetPlan;
import dev.goldcopy.fleet.FleetPlanner;
import dev.goldcopy.fleet.FleetStore;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.roll.RollBounds;
import dev.goldcopy.roll.RollPlan;
import dev.goldcopy.roll.RollPlanner;
import dev.goldcopy.roll.RollRequest;
import dev.goldcopy.roll.TimeModel;
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
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
import org.jspecify.annotations.Nullable;

/**
 * The fleet planner on many stores and the roll planner on one large store (JMH, sample mode).
 * Targets: the fleet of 100,000 VMs on 100 stores under 200 ms; the roll of 100,000 VMs under
 * 100 ms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DayTwoBenchmark {
  private static final ContentId A = ContentId.of("win11", "2026.10");
  private static final ContentId B = ContentId.of("win11", "2026.11");
  private static final long IMAGE = 40L << 30;
  private static final int[] LIMITS = {8, 16, 500};
  private static final PlanningPolicy POLICY = PlanningPolicy.defaults();

  /** Creates the benchmark; JMH calls this. */
  public DayTwoBenchmark() {}

  /** Stores of three kinds, each holding the image's origin, and a demand with constraints. */
  @State(Scope.Benchmark)
  public static class Fleet {
    /** How many stores. */
    @Param({"100"})
    public int stores;

    /** How many VMs. */
    @Param({"100000"})
    public int vms;

    List<FleetStore> fleet = List.of();
    Demand demand = Demand.none();
    FleetConstraints constraints = FleetConstraints.none();

    /** Creates the state; JMH calls this. */
    public Fleet() {}

    /** Builds the stores and the demand. */
    @Setup(Level.Trial)
    public void setUp() {
      List<FleetStore> out = new ArrayList<>();
      for (int i = 0; i < stores; i++) {
        StoreRef ref = StoreRef.of("acme", "pool-" + i);
        ArrayCapabilities caps = ArrayCapabilities.builder()
            .maxVirtualCopiesPerSource(LIMITS[i % LIMITS.length])
            .totalCapacityBytes(1L << 50).freeCapacityBytes(100 * IMAGE).build();
        Container origin = new Container(ContainerId.of("o" + i), "gold", ContainerKind.PHYSICAL_MASTER,
            B, GroupId.of("win11"), null, ref, IMAGE, ContainerState.READY);
        out.add(new FleetStore(ref, caps, new Inventory(ref, List.of(origin)), 1 + i % 3));
      }
      fleet = out;
      demand = Demand.of(B, "vm", vms).allRecreatable();
      FleetConstraints.Builder c = FleetConstraints.builder();
      Set<StoreRef> few = Set.of(out.get(0).store(), out.get(3).store(), out.get(6).store());
      List<VmId> ids = new ArrayList<>(demand.vms().keySet());
      for (int i = 0; i < ids.size() / 100; i++) {
        c.allow(ids.get(i), few);
      }
      for (int i = 0; i < 100 && i < ids.size(); i++) {
        c.antiAffinity(ids.get(ids.size() - 1 - i), "ha-" + i % 10);
      }
      constraints = c.build();
    }
  }

  /** One store with every VM on the old version, and the new version's origin. */
  @State(Scope.Benchmark)
  public static class Roll {
    /** How many VMs. */
    @Param({"100000"})
    public int vms;

    @Nullable RollRequest request;

    /** Creates the state; JMH calls this. */
    public Roll() {}

    /** Builds the store. */
    @Setup(Level.Trial)
    public void setUp() {
      StoreRef store = StoreRef.of("acme", "pool");
      int masters = (vms + 7) / 8;
      List<Container> containers = new ArrayList<>(masters + vms + 1);
      GroupId group = GroupId.of("win-a");
      Container origin = new Container(ContainerId.of("a0"), "gold-a",
          ContainerKind.PHYSICAL_MASTER, A, group, null, store, IMAGE, ContainerState.READY);
      containers.add(origin);
      Labels replica = Ownership.replica(OwnerId.DEFAULT, group, A, "gold-a");
      for (int m = 1; m < masters; m++) {
        containers.add(new Container(ContainerId.of("a" + m), "win-a-r" + m,
            ContainerKind.PHYSICAL_MASTER, A, group, origin.id(), store, IMAGE,
            ContainerState.READY, replica));
      }
      Demand demand = Demand.of(A, "vm", vms).allRecreatable();
      int i = 0;
      for (VmId vm : demand.vms().keySet()) {
        containers.add(new Container(ContainerId.of("c" + i), vm.value(),
            ContainerKind.VIRTUAL_COPY, A, null, containers.get(i % masters).id(), store, IMAGE,
            ContainerState.READY));
        i++;
      }
      containers.add(new Container(ContainerId.of("b0"), "gold-b", ContainerKind.PHYSICAL_MASTER,
          B, GroupId.of("win-b"), null, store, IMAGE, ContainerState.READY));
      ArrayCapabilities caps = ArrayCapabilities.builder().maxVirtualCopiesPerSource(8)
          .maxConcurrentPhysicalCopies(4).totalCapacityBytes(1L << 60)
          .freeCapacityBytes(1L << 59).build();
      request = new RollRequest(store, caps, new Inventory(store, containers), demand, A, B,
          RollBounds.builder().maxDown(vms / 20).maxExtraMasters(100).build(),
          TimeModel.defaults());
    }
  }

  /**
   * Places the fleet.
   *
   * @param state the stores and demand
   * @return the plan
   */
  @Benchmark
  public FleetPlan fleetPlan(Fleet state) {
    return FleetPlanner.create(POLICY).plan(state.fleet, state.demand, state.constraints);
  }

  /**
   * Plans the roll.
   *
   * @param state the store
   * @return the plan
   */
  @Benchmark
  public RollPlan rollPlan(Roll state) {
    return RollPlanner.create(POLICY).plan(Objects.requireNonNull(state.request, "request"));
  }
}
