package dev.goldcopy.benchmarks;

import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the simulated array with many physical copies in flight at once, in wall time: N clones
 * at 8 per master on an array without copy or clone concurrency limits, so {@code ceil(N / 8) - 1}
 * replicas are made and many of them share the copy bandwidth at the same time. Two ways of making
 * them:
 *
 * <ul>
 *   <li>{@code all-at-once}: every replica is copied from the origin at once, so all of them are in
 *       flight together (124,999 for a million clones); each master's 8 clones start when it is
 *       ready;
 *   <li>{@code fan-out}: every ready master copies itself, one copy after another, until there are
 *       enough masters, so the masters double every round and the copies start and end at many
 *       different instants.
 * </ul>
 *
 * <p>Only the simulator runs (the driver is a few lines), with its call log off. Each run is
 * checked: every clone made, no limit exceeded.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.goldcopy.benchmarks.SimCopyThroughput [clones [runs [mode]]]
 * </pre>
 *
 * <p>By default 1,000,000 clones, 3 runs of each mode; prints every run and each mode's median.
 */
public final class SimCopyThroughput {
  private static final int PER_SOURCE = 8;
  private static final long IMAGE_BYTES = 1L << 30;
  private static final ContentId IMAGE = ContentId.of("golden", "1");

  /** L = 8, no concurrency limits, no capacity limit worth the name. */
  static final VendorProfile UNLIMITED_COPIES =
      VendorProfile.builder("8 clones per source, unlimited copy and clone concurrency")
          .maxVirtualCopiesPerSource(PER_SOURCE)
          .maxConcurrentPhysicalCopies(ArrayCapabilities.UNLIMITED)
          .maxConcurrentVirtualCopies(ArrayCapabilities.UNLIMITED)
          .storeCapacityBytes(Long.MAX_VALUE / 4)
          .build();

  private final boolean fanOut;
  private final int clones;
  private final int mastersNeeded;
  private final SimulatedArray sim;
  private final StoreRef store;
  private int masters;
  private int copiesIssued;
  private int clonesIssued;
  private long made;
  private long failed;

  private SimCopyThroughput(int clones, boolean fanOut) {
    this.clones = clones;
    this.fanOut = fanOut;
    this.mastersNeeded = (clones + PER_SOURCE - 1) / PER_SOURCE;
    this.sim = SimulatedArray.builder().profile(UNLIMITED_COPIES).seed(1).recordCalls(false).build();
    this.store = sim.addStore(TenantId.of("bench"), StoreId.of("pool-1"));
  }

  /**
   * Runs the measurement.
   *
   * @param args optional: clones (default 1,000,000), runs per mode (default 3), and one mode
   *     ({@code all-at-once} or {@code fan-out}; default both)
   */
  public static void main(String[] args) {
    int clones = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> modes = args.length > 2 ? List.of(args[2]) : List.of("all-at-once", "fan-out");
    for (String mode : modes) {
      boolean fanOut = switch (mode) {
        case "all-at-once" -> false;
        case "fan-out" -> true;
        default -> throw new IllegalArgumentException("mode: all-at-once or fan-out, not " + mode);
      };
      List<Long> walls = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        walls.add(new SimCopyThroughput(clones, fanOut).measure(mode, run));
      }
      Collections.sort(walls);
      System.out.printf(
          Locale.ROOT,
          "%s: median of %d runs %.3f s wall%n%n",
          mode,
          runs,
          walls.get(walls.size() / 2) / 1e9);
    }
  }

  private long measure(String mode, int run) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long processCpuStart = os.getProcessCpuTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    Container origin =
        sim.createOrigin(store, "origin", IMAGE, GroupId.of("golden-1"), IMAGE_BYTES);
    masters = 1;
    onMasterReady(origin.id());
    if (!fanOut) {
      while (copiesIssued < mastersNeeded - 1) {
        copy(origin.id());
      }
    }
    sim.runUntilIdle();
    long wall = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    long processCpu = os.getProcessCpuTime() - processCpuStart;
    SimulationRecords records = sim.records();
    if (made != clones || failed != 0 || !records.limitViolations().isEmpty()) {
      throw new IllegalStateException(
          mode + " run " + run + " went wrong: " + made + " of " + clones + " clones, " + failed
              + " failures, violations " + records.limitViolations());
    }
    System.out.printf(
        Locale.ROOT,
        "%s run %d: %,d clones on %,d masters in %.3f s wall (%.3f s CPU on the driving thread,"
            + " %.3f s in the JVM, GC included); at most %,d copies in flight; virtual time %s;"
            + " load average %.1f%n",
        mode,
        run,
        made,
        masters,
        wall / 1e9,
        cpu / 1e9,
        processCpu / 1e9,
        records.peakConcurrentPhysicalCopies(),
        sim.elapsed(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return wall;
  }

  private void onMasterReady(ContainerId master) {
    for (int i = 0; i < PER_SOURCE && clonesIssued < clones; i++) {
      int n = clonesIssued++;
      sim.createVirtualCopy(store, master, "vm-" + n, Labels.empty())
          .whenComplete(
              (clone, error) -> {
                if (error != null) {
                  failed++;
                } else {
                  made++;
                }
              });
    }
    if (fanOut) {
      copy(master);
    }
  }

  private void copy(ContainerId source) {
    if (copiesIssued >= mastersNeeded - 1) {
      return;
    }
    int n = ++copiesIssued;
    sim.createPhysicalCopy(store, source, "replica-" + n, Labels.empty())
        .whenComplete(
            (replica, error) -> {
              if (error != null) {
                failed++;
                return;
              }
              masters++;
              onMasterReady(replica.id());
              if (fanOut) {
                copy(source);
              }
            });
  }
}
