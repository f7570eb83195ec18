package dev.goldcopy.benchmarks;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The plans of {@link PlannerBenchmark} timed by wall clock and by the calling thread's CPU time,
 * which a machine shared with other work does not inflate, with the bytes the calling thread
 * allocates per plan: {@code java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.goldcopy.benchmarks.PlannerTiming [runs] [case...]} (without the heap written once at start,
 * the measured runs may be the first to write some of its pages, and the page faults count in the
 * planning thread's time: up to 4x at 10,000 VMs), cases {@code 10000}, {@code 100000},
 * {@code 1000000} (one store of that many VMs, its inventory listed by name; a {@code -shuffled}
 * suffix lists it in a fixed random order) and {@code many} (10,000 stores of 1,000 VMs); the
 * first four by default. Prints, after warm-up runs (at least 5 s of them), the median and 90th
 * percentile of each, and the plan's size.
 */
public final class PlannerTiming {
  private static final ContainerReplicationPlanner PLANNER =
      ContainerReplicationPlanner.create(PlanningPolicy.defaults());

  private PlannerTiming() {}

  /**
   * Runs the timings.
   *
   * @param args the number of measured runs (default 20), then the cases
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String[] cases =
        args.length > 1
            ? Arrays.copyOfRange(args, 1, args.length)
            : new String[] {"10000", "100000", "1000000", "many"};
    for (String c : cases) {
      if (c.equals("many")) {
        PlannerBenchmark.ManyStores many = new PlannerBenchmark.ManyStores();
        many.stores = 10_000;
        many.vmsPerStore = 1_000;
        many.setUp();
        time("10,000 stores of 1,000 VMs", runs, many.stores * many.vmsPerStore,
            () -> planAll(many.inputs));
      } else {
        PlannerBenchmark.OneStore one = new PlannerBenchmark.OneStore();
        one.vms = Integer.parseInt(c.replace("-shuffled", ""));
        one.order = c.endsWith("-shuffled") ? "shuffled" : "byName";
        one.setUp();
        String name = String.format(Locale.ROOT, "one store, %,d VMs, listed %s", one.vms,
            one.order);
        System.out.println(name + ": " + PLANNER.plan(one.input).summary());
        time(name, runs, one.vms, () -> PLANNER.plan(one.input));
      }
    }
  }

  private static Object planAll(PlanningInput[] inputs) {
    int steps = 0;
    for (PlanningInput input : inputs) {
      ReplicationPlan plan = PLANNER.plan(input);
      steps += plan.steps().size();
    }
    return steps;
  }

  private static void time(String name, int runs, int vms, Supplier<Object> work) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    int sink = 0;
    int warmups = 0;
    long warmStart = System.nanoTime();
    while (warmups < Math.max(5, runs / 2) || System.nanoTime() - warmStart < 5_000_000_000L) {
      sink += System.identityHashCode(work.get()) & 1;
      warmups++;
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    double[] alloc = new double[runs];
    double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (int i = 0; i < runs; i++) {
      long a0 = mx.getThreadAllocatedBytes(self);
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      sink += System.identityHashCode(work.get()) & 1;
      wall[i] = (System.nanoTime() - w0) / 1e6;
      cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
      alloc[i] = (mx.getThreadAllocatedBytes(self) - a0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    Arrays.sort(alloc);
    int p90 = (int) Math.ceil(runs * 0.9) - 1;
    System.out.printf(Locale.ROOT,
        "%s: wall median %.1f ms, p90 %.1f ms; CPU median %.1f ms, p90 %.1f ms (%.0f ns a VM);"
            + " allocated %.1f MB a plan; %d runs after %d warm-ups; load average %.1f to %.1f%n",
        name, wall[runs / 2], wall[p90], cpu[runs / 2], cpu[p90], cpu[runs / 2] * 1e6 / vms,
        alloc[runs / 2], runs, warmups, load0,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (sink < 0) {
      System.out.println(sink);
    }
  }
}
