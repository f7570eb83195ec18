package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.Labels;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Measures how fast the simulated array carries clone operations, in wall time.
 *
 * <p>One run: an HPE 3PAR profile (500 virtual copies per source, 64 clone creations at once), 100
 * origins, and 64 callers that each create a clone, wait for it, delete the oldest clone once
 * {@value #KEEP_ALIVE} are alive, and go on, until the given number of clones has been created. So
 * the array holds tens of thousands of clones while a million are created and almost as many
 * deleted, with every limit checked. Call recording is off, as it would be for such a run.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.goldcopy.benchmarks.SimThroughput [clones] [runs]
 * </pre>
 *
 * <p>Prints one line per run: clones created, clones deleted, wall time, operations (creates plus
 * deletes) per second of wall time, and the virtual time the run took.
 */
public final class SimThroughput {
  private static final int DEFAULT_CLONES = 1_000_000;
  private static final int MASTERS = 100;
  private static final int CALLERS = 64;
  private static final int KEEP_ALIVE = 40_000;

  private final SimulatedArray sim;
  private final StoreRef store;
  private final ContainerId[] masters = new ContainerId[MASTERS];
  private final ArrayDeque<ContainerId> alive = new ArrayDeque<>();
  private final int clones;
  private int issued;
  private long created;
  private long deleted;
  private long refused;

  private SimThroughput(int clones) {
    this.clones = clones;
    this.sim =
        SimulatedArray.builder()
            .profile(VendorProfile.HPE_3PAR.toBuilder().maxConcurrentVirtualCopies(CALLERS).build())
            .seed(42)
            .recordCalls(false)
            .build();
    this.store = sim.addStore(TenantId.of("bench"), StoreId.of("pool-1"));
    ContentId content = ContentId.of("golden", "1");
    GroupId group = GroupId.of("golden-1");
    for (int m = 0; m < MASTERS; m++) {
      masters[m] = sim.createOrigin(store, "master-" + m, content, group, 40L << 30).id();
    }
  }

  /**
   * Runs the measurement.
   *
   * @param args optional: the number of clones to create (default 1,000,000) and of runs (default
   *     1)
   */
  public static void main(String[] args) {
    int clones = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CLONES;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int run = 1; run <= runs; run++) {
      new SimThroughput(clones).measure(run);
    }
  }

  private void measure(int run) {
    long start = System.nanoTime();
    for (int c = 0; c < CALLERS; c++) {
      next();
    }
    sim.runUntilIdle();
    long wallNanos = System.nanoTime() - start;

    SimulationRecords records = sim.records();
    int peak =
        records.peakVirtualCopiesBySource().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (created != clones || refused != 0 || !records.limitViolations().isEmpty()) {
      throw new IllegalStateException(
          "run "
              + run
              + " went wrong: created "
              + created
              + " of "
              + clones
              + ", refused "
              + refused
              + ", violations "
              + records.limitViolations());
    }
    double seconds = wallNanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "run %d: %,d clones created, %,d deleted in %.3f s wall: %,.0f ops/s"
            + " (virtual time %s, peak %d clones on one source, %d at once in the array)%n",
        run,
        created,
        deleted,
        seconds,
        (created + deleted) / seconds,
        sim.elapsed(),
        peak,
        records.peakVirtualCopiesTotal());
  }

  /** One caller's next step: create a clone, then delete the oldest if too many are alive. */
  private void next() {
    if (issued >= clones) {
      return;
    }
    int i = issued++;
    sim.createVirtualCopy(store, masters[i % MASTERS], "vm-" + i, Labels.empty())
        .whenComplete(
            (clone, error) -> {
              if (error != null) {
                refused++;
                return;
              }
              created++;
              alive.add(clone.id());
              if (alive.size() > KEEP_ALIVE) {
                ContainerId oldest = alive.poll();
                sim.delete(store, oldest)
                    .whenComplete(
                        (done, deleteError) -> {
                          if (deleteError != null) {
                            refused++;
                            return;
                          }
                          deleted++;
                          next();
                        });
              } else {
                next();
              }
            });
  }
}
