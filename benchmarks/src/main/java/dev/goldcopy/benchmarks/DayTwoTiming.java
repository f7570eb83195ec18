package dev.goldcopy.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The fleet and roll plans of {@link DayTwoBenchmark} timed by wall clock and by the calling
 * thread's CPU time, which a machine shared with other work does not inflate: {@code java -cp
 * benchmarks.jar dev.goldcopy.benchmarks.DayTwoTiming [runs]}. Prints the medians after 10
 * warm-up runs.
 */
public final class DayTwoTiming {
  private DayTwoTiming() {}

  /**
   * Runs the timings.
   *
   * @param args the number of measured runs (default 20)
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    DayTwoBenchmark bench = new DayTwoBenchmark();
    DayTwoBenchmark.Fleet fleet = new DayTwoBenchmark.Fleet();
    fleet.stores = 100;
    fleet.vms = 100_000;
    fleet.setUp();
    DayTwoBenchmark.Roll roll = new DayTwoBenchmark.Roll();
    roll.vms = 100_000;
    roll.setUp();
    time("fleet plan, 100 stores, 100,000 VMs", runs, () -> bench.fleetPlan(fleet));
    time("roll plan, 100,000 VMs", runs, () -> bench.rollPlan(roll));
  }

  private static void time(String name, int runs, Supplier<Object> work) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int sink = 0;
    for (int i = 0; i < 10; i++) {
      sink += System.identityHashCode(work.get()) & 1;
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      sink += System.identityHashCode(work.get()) & 1;
      wall[i] = (System.nanoTime() - w0) / 1e6;
      cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "%s: median %.1f ms wall, %.1f ms CPU (min %.1f / %.1f ms), %d runs;"
        + " load average %.1f%n", name, wall[runs / 2], cpu[runs / 2], wall[0], cpu[0], runs,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (sink < 0) {
      System.out.println(sink);
    }
  }
}
