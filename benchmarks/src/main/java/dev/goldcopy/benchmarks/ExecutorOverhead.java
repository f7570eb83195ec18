package dev.goldcopy.benchmarks;

import dev.goldcopy.execute.ExecutionEvent;
import dev.goldcopy.execute.ExecutionListener;
import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.CopyCosts;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The executor's own cost: one million VMs through {@link ReplicationExecutor} on a simulated array
 * that takes (almost) no virtual time (zero latency, copies at 1 TiB/s, call log off), with a
 * per-source limit of 8 by default, so the run makes 125,000 masters (124,999 replicas) and a
 * million clones, and the wall time is the planner's, the executor's and the simulator's
 * bookkeeping alone. Planning the million VMs is part of the measured run; building the {@link
 * Demand} is not (it is the caller's input) and is reported apart. The store has 1 PiB, room for
 * the replicas of the 1 GiB image.
 *
 * <p>Each run also times its phases with a listener: from the start to the first step started
 * (observe and plan), from there to the last step finished (issuing and completing the clones), and
 * from there to the result (the final reconcile and the report). A separate call of the planner on
 * the same input shows planning alone.
 *
 * <p>The run keeps a large set live (the simulator's million containers, the plan, the executor's
 * step graph, the result); the garbage collector copies it again at young collections, and on a
 * small or busy machine that, not the executor, sets much of the wall time. The CPU time of the
 * driving thread is printed beside the wall time for that reason, and so is the whole JVM's.
 *
 * <p>Heap: each run notes the most heap in use right after a garbage collection (the sum of the
 * pools after each collection, from the collector's notifications), an upper estimate of the live
 * set; run with {@code -Xmx512m} to check that the run fits in 512 MB at all.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.goldcopy.benchmarks.ExecutorOverhead
 * [vms [runs [limit [warm-ups]]]]}, by default 1,000,000 VMs, 5 runs in one JVM, a per-source limit
 * of 8 (0: none, one clone step per VM) and no warm-up run; warm-up runs are printed but left out of
 * the medians (a control plane runs for long, its code compiled). Prints each run and the medians.
 * Exits with status 1 if a run did not provision every VM.
 */
public final class ExecutorOverhead {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  /** No latency, copies at 1 TiB/s, no clone growth: the array costs almost no virtual time. */
  static final VendorProfile ZERO_LATENCY =
      VendorProfile.builder("zero latency")
          .maxVirtualCopiesPerSource(ArrayCapabilities.UNLIMITED)
          .copyCosts(CopyCosts.thick(0))
          .storeCapacityBytes(1L << 50)
          .latency(
              LatencyModel.builder()
                  .perStreamBytesPerSecond(1L << 40)
                  .aggregateBytesPerSecond(1L << 40)
                  .cloneLatency(Duration.ZERO)
                  .deleteLatency(Duration.ZERO)
                  .responseLatency(Duration.ZERO)
                  .build())
          .build();

  private ExecutorOverhead() {}

  /**
   * The wall times of one run, in nanoseconds.
   *
   * @param demandNanos building the demand (not part of the run)
   * @param runNanos from {@code start} to the result: the measured figure
   * @param runCpuNanos the CPU time the driving thread spent in the run (the simulator, the
   *     executor and the planner all run on it), which a busy machine does not inflate
   * @param processCpuNanos the CPU time of the whole JVM during the run: the driving thread plus
   *     the garbage collector's and the JIT compiler's threads
   * @param cpuToFirstStepNanos CPU time from the start to the first step started (observe, plan)
   * @param cpuStepsNanos CPU time from the first step started to the last step finished (the
   *     executor's and the simulator's work for the clones)
   * @param cpuAfterNanos CPU time from the last step finished to the result (the final observe and
   *     re-plan, and the result)
   * @param toFirstStepNanos from the start to the first step started
   * @param stepsNanos from the first step started to the last step finished
   * @param afterStepsNanos from the last step finished to the result
   * @param planAloneNanos one call of the planner on the same input, apart from the run
   * @param clones the virtual copies the run made
   * @param replicas the physical copies the run made
   * @param peakHeapAfterGcBytes the most heap in use right after a collection during the run
   */
  record RunTimes(
      long demandNanos,
      long runNanos,
      long runCpuNanos,
      long processCpuNanos,
      long cpuToFirstStepNanos,
      long cpuStepsNanos,
      long cpuAfterNanos,
      long toFirstStepNanos,
      long stepsNanos,
      long afterStepsNanos,
      long planAloneNanos,
      int clones,
      int replicas,
      long peakHeapAfterGcBytes) {}

  /**
   * Notes the wall time and the driving thread's CPU time at the first step started and at the
   * last step finished (the {@code steps}-th; the CPU time is read only at those two, as reading it
   * costs far more than reading the clock).
   */
  private static final class PhaseClock implements ExecutionListener {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int steps;
    private int finished;
    long firstStarted;
    long lastFinished;
    long cpuAtFirstStarted;
    long cpuAtLastFinished;

    PhaseClock(int steps) {
      this.steps = steps;
    }

    @Override
    public void onEvent(ExecutionEvent event) {
      if (event instanceof ExecutionEvent.StepStarted && firstStarted == 0) {
        firstStarted = System.nanoTime();
        cpuAtFirstStarted = threads.getCurrentThreadCpuTime();
      } else if (event instanceof ExecutionEvent.StepFinished && ++finished == steps) {
        lastFinished = System.nanoTime();
        cpuAtLastFinished = threads.getCurrentThreadCpuTime();
      }
    }
  }

  /**
   * Runs the measurement.
   *
   * @param args optional: the number of VMs (default 1,000,000) and of runs (default 5)
   */
  public static void main(String[] args) {
    int vms = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    int replicas = limit == 0 ? 0 : (vms + limit - 1) / limit - 1;
    System.out.printf(
        Locale.ROOT,
        "%,d VMs through ReplicationExecutor on a zero-latency simulated array, %s per source"
            + " (%,d replicas), %d runs in one JVM after %d warm-up runs, max heap %,d MB%n%n",
        vms,
        limit == 0 ? "no limit" : limit + " clones",
        replicas,
        runs,
        warmups,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(
        "| run | wall time (run) | CPU time (run) | JVM CPU time (run, GC included)"
            + " | wall: observe + plan | wall: clones"
            + " | wall: final reconcile + result | CPU: observe + plan"
            + " | CPU: clones | CPU: final reconcile + result | planner alone"
            + " | demand built (apart) | heap after GC, peak |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<Long> walls = new ArrayList<>();
    List<Long> cpus = new ArrayList<>();
    List<Long> heaps = new ArrayList<>();
    boolean allDone = true;
    for (int i = 1 - warmups; i <= runs; i++) {
      RunTimes t = runOnce(vms, limit);
      allDone &= t.clones() == vms && t.replicas() == replicas;
      if (i > 0) {
        walls.add(t.runNanos());
        cpus.add(t.runCpuNanos());
        heaps.add(t.peakHeapAfterGcBytes());
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %,d MB |%n",
          i > 0 ? Integer.toString(i) : "warm-up",
          millis(t.runNanos()),
          millis(t.runCpuNanos()),
          millis(t.processCpuNanos()),
          millis(t.toFirstStepNanos()),
          millis(t.stepsNanos()),
          millis(t.afterStepsNanos()),
          millis(t.cpuToFirstStepNanos()),
          millis(t.cpuStepsNanos()),
          millis(t.cpuAfterNanos()),
          millis(t.planAloneNanos()),
          millis(t.demandNanos()),
          t.peakHeapAfterGcBytes() >> 20);
    }
    Collections.sort(walls);
    Collections.sort(cpus);
    Collections.sort(heaps);
    System.out.printf(
        Locale.ROOT,
        "%nMedian of %d runs: wall time %s (target: under 5 s), CPU time %s, heap after GC at"
            + " its peak %,d MB (target: under 512 MB live); %d processors, load average %.1f.%n",
        runs,
        millis(walls.get(walls.size() / 2)),
        millis(cpus.get(cpus.size() / 2)),
        heaps.get(heaps.size() / 2) >> 20,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (!allDone) {
      System.out.println("A run did not provision every VM.");
      System.exit(1);
    }
  }

  /**
   * Provisions {@code vms} VMs once on a fresh zero-latency array.
   *
   * @param vms how many VMs
   * @param limit clones per source; 0 for none
   * @return the run's wall times
   */
  static RunTimes runOnce(int vms, int limit) {
    long t0 = System.nanoTime();
    Demand demand = Demand.of(IMAGE, "vm", vms);
    long demandNanos = System.nanoTime() - t0;

    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(ZERO_LATENCY.toBuilder().maxVirtualCopiesPerSource(limit).build())
            .seed(1)
            .faults(FaultPlan.none())
            .recordCalls(false)
            .build();
    StoreRef store = sim.addStore(TenantId.of("bench"), StoreId.of("pool-1"));
    Container origin =
        sim.createOrigin(store, "golden", IMAGE, GroupId.of("win11-2026.11"), 1L << 30);

    long planStart = System.nanoTime();
    int steps = planSteps(sim, store, demand);
    long planAloneNanos = System.nanoTime() - planStart;
    int replicas = limit == 0 ? 0 : (vms + limit - 1) / limit - 1;
    if (steps != vms + replicas || !origin.isReady()) {
      throw new IllegalStateException("expected a step per VM and per replica, got " + steps);
    }

    PhaseClock phases = new PhaseClock(steps);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    HeapPeak heap = HeapPeak.start();
    long processCpuStart = os.getProcessCpuTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ExecutionResult result =
        sim.await(
            ReplicationExecutor.builder(sim)
                .executor(Runnable::run)
                .scheduler(sim::schedule)
                .clock(sim.clock())
                .listener(phases)
                .build()
                .start(store, demand)
                .result());
    long end = System.nanoTime();
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
    long processCpuNanos = os.getProcessCpuTime() - processCpuStart;
    long peakHeap = heap.stop();
    if (result.outcome() != Outcome.SUCCEEDED) {
      throw new IllegalStateException("the executor ended " + result.outcome());
    }
    long first = phases.firstStarted == 0 ? end : phases.firstStarted;
    long last = phases.lastFinished == 0 ? first : phases.lastFinished;
    return new RunTimes(
        demandNanos,
        end - start,
        cpuNanos,
        processCpuNanos,
        phases.cpuAtFirstStarted - cpuStart,
        phases.cpuAtLastFinished - phases.cpuAtFirstStarted,
        cpuStart + cpuNanos - phases.cpuAtLastFinished,
        first - start,
        last - first,
        end - last,
        planAloneNanos,
        result.totals().clonesMade(),
        result.totals().replicasMade(),
        peakHeap);
  }

  /**
   * Plans the demand once, apart from the run, and returns the plan's step count; the plan is not
   * kept, so that it does not count in the run's heap.
   */
  private static int planSteps(SimulatedArray sim, StoreRef store, Demand demand) {
    ArrayCapabilities capabilities = sim.await(sim.capabilities(store));
    Inventory inventory = sim.await(sim.inventory(store));
    ReplicationPlan plan =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults())
            .plan(new PlanningInput(store, capabilities, inventory, demand));
    return plan.steps().size();
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
  }
}
