package dev.goldcopy.benchmarks;

import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.LatencyModel;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Prints a digest of the simulated array's records for a fixed set of seeded runs, so that two
 * versions of the simulator can be compared run by run: the same digests mean the same calls,
 * answered at the same virtual instants with the same outcomes, the same peaks and faults, the same
 * final inventory and elapsed time.
 *
 * <p>The runs: random mixes of creates, deletes and waits with faults on several profiles (copies of
 * two sizes sharing the bandwidth, aborted by deletes, failing part way), many overlapping copies
 * at unlimited concurrency, the executor with faults, and the executor and the sequential baseline
 * on the README's array.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.goldcopy.benchmarks.SimulatorDigest [--records]
 * </pre>
 *
 * <p>With {@code --records} every run's records are printed in full after its digest, to find where
 * two versions part.
 */
public final class SimulatorDigest {
  private static final long GIB = 1L << 30;
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final GroupId GROUP = GroupId.of("win11-2026.11");

  private SimulatorDigest() {}

  /**
   * Runs every case and prints one line each: its name, the digest, the number of calls and the
   * elapsed virtual time.
   *
   * @param args {@code --records} to print the records too
   */
  public static void main(String[] args) {
    boolean full = args.length > 0 && args[0].equals("--records");
    List<VendorProfile> profiles = randomProfiles();
    for (int p = 0; p < profiles.size(); p++) {
      for (long seed = 1; seed <= 40; seed++) {
        SimulatedArray sim = randomRun(profiles.get(p), seed, 200);
        print("random-p" + p + "-s" + seed, sim, full);
      }
    }
    for (int copies : new int[] {50, 500, 3000}) {
      SimulatedArray sim = manyCopies(copies);
      print("many-copies-" + copies, sim, full);
    }
    for (long seed = 1; seed <= 6; seed++) {
      SimulatedArray sim = executorWithFaults(seed);
      print("executor-faults-s" + seed, sim, full);
    }
    for (int vms : new int[] {500, 2000}) {
      VendorProfile profile = VendorProfile.DELL_ME4_LARGE_POOLS;
      print("executor-" + vms, contenderRun(Contender.plannedExecutor(), profile, vms), full);
      print("sequential-" + vms, contenderRun(Contender.sequential(), profile, vms), full);
    }
  }

  private static List<VendorProfile> randomProfiles() {
    LatencyModel shared =
        LatencyModel.builder()
            .perStreamBytesPerSecond(700L << 20)
            .aggregateBytesPerSecond(1500L << 20)
            .cloneLatency(Duration.ofMillis(1700))
            .deleteLatency(Duration.ofMillis(900))
            .responseLatency(Duration.ofMillis(3))
            .build();
    return List.of(
        VendorProfile.DELL_MD3200,
        VendorProfile.builder("random-a")
            .maxVirtualCopiesPerSource(6)
            .maxConcurrentPhysicalCopies(0)
            .maxConcurrentVirtualCopies(5)
            .latency(shared)
            .build(),
        VendorProfile.builder("random-b")
            .maxVirtualCopiesPerSource(3)
            .maxVirtualCopiesTotal(40)
            .maxConcurrentPhysicalCopies(3)
            .latency(LatencyModel.DEFAULT)
            .build());
  }

  private static SimulatedArray randomRun(VendorProfile profile, long seed, int operations) {
    FaultPlan faults =
        FaultPlan.builder()
            .transientBusyRate(0.05)
            .lostResponseRate(0.05)
            .incompleteCopyRate(0.15)
            .latencySpikeRate(0.05)
            .build();
    SimulatedArray sim = SimulatedArray.builder().profile(profile).faults(faults).seed(seed).build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    sim.createOrigin(store, "origin-a", IMAGE, GROUP, 8 * GIB);
    sim.createOrigin(store, "origin-b", IMAGE, GROUP, 3 * GIB + 12345);
    SplittableRandom choices = new SplittableRandom(seed * 31 + 7);
    for (int i = 0; i < operations; i++) {
      List<Container> all = sim.await(sim.inventory(store)).containers();
      List<Container> masters = new ArrayList<>();
      for (Container c : all) {
        if (c.kind() == ContainerKind.PHYSICAL_MASTER) {
          masters.add(c);
        }
      }
      int roll = choices.nextInt(100);
      if (roll < 45) {
        Container source = masters.get(choices.nextInt(masters.size()));
        sim.createVirtualCopy(store, source.id(), "vm-" + choices.nextInt(operations), Labels.empty());
      } else if (roll < 70) {
        Container source = masters.get(choices.nextInt(masters.size()));
        sim.createPhysicalCopy(
            store, source.id(), "replica-" + choices.nextInt(12), Labels.empty());
      } else if (roll < 90) {
        Container victim = all.get(choices.nextInt(all.size()));
        if (!victim.isOrigin()) {
          sim.delete(store, victim.id());
        }
      } else {
        sim.runFor(Duration.ofMillis(choices.nextInt(30_000)));
      }
      if (choices.nextInt(3) == 0) {
        sim.runFor(Duration.ofMillis(choices.nextInt(4_000)));
      }
    }
    sim.setFaults(FaultPlan.none());
    sim.runUntilIdle();
    return sim;
  }

  /** {@code copies} physical copies of two origins, started over time at unlimited concurrency. */
  private static SimulatedArray manyCopies(int copies) {
    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(
                VendorProfile.builder("many copies")
                    .maxConcurrentPhysicalCopies(0)
                    .storeCapacityBytes(1L << 60)
                    .build())
            .seed(3)
            .build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    Container a = sim.createOrigin(store, "origin-a", IMAGE, GROUP, 40 * GIB);
    Container b = sim.createOrigin(store, "origin-b", IMAGE, GROUP, 7 * GIB + 333);
    SplittableRandom choices = new SplittableRandom(copies);
    for (int i = 0; i < copies; i++) {
      Container source = choices.nextBoolean() ? a : b;
      String name = "replica-" + i;
      sim.schedule(
          Duration.ofMillis(choices.nextInt(600_000)),
          () -> sim.createPhysicalCopy(store, source.id(), name, Labels.empty()));
    }
    sim.runUntilIdle();
    return sim;
  }

  private static SimulatedArray executorWithFaults(long seed) {
    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(VendorProfile.DELL_ME4_LARGE_POOLS)
            .seed(seed)
            .faults(
                FaultPlan.builder()
                    .transientBusyRate(0.05)
                    .lostResponseRate(0.05)
                    .incompleteCopyRate(0.1)
                    .latencySpikeRate(0.05)
                    .build())
            .build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    sim.createOrigin(store, "golden", IMAGE, GROUP, 40 * GIB);
    sim.await(
        ReplicationExecutor.builder(sim)
            .executor(Runnable::run)
            .scheduler(sim::schedule)
            .clock(sim.clock())
            .build()
            .start(store, Demand.of(IMAGE, "vm", 300))
            .result());
    return sim;
  }

  private static SimulatedArray contenderRun(Contender contender, VendorProfile profile, int vms) {
    SimulatedArray sim =
        SimulatedArray.builder().profile(profile).seed(42).faults(FaultPlan.none()).build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    Container origin = sim.createOrigin(store, "golden-win11", IMAGE, GROUP, 40 * GIB);
    sim.await(contender.start(sim, store, origin, Demand.of(IMAGE, "vm", vms)));
    return sim;
  }

  private static void print(String name, SimulatedArray sim, boolean full) {
    String text = describe(sim);
    SimulationRecords records = sim.records();
    System.out.printf(
        Locale.ROOT,
        "%s %s calls=%d elapsed=%s%n",
        name,
        sha256(text),
        records.calls().size(),
        sim.elapsed());
    if (full) {
      System.out.println(text);
    }
  }

  private static String describe(SimulatedArray sim) {
    SimulationRecords r = sim.records();
    StringBuilder b = new StringBuilder();
    r.calls().forEach(c -> b.append(c).append('\n'));
    b.append(new TreeMap<>(toStrings(r))).append('\n');
    b.append(r.peakVirtualCopiesTotal())
        .append(' ')
        .append(r.peakConcurrentPhysicalCopies())
        .append(' ')
        .append(r.peakConcurrentVirtualCopies())
        .append('\n');
    b.append(r.limitViolations()).append('\n');
    b.append(new TreeMap<>(r.faultsInjected())).append('\n');
    b.append(sim.elapsed()).append('\n');
    return b.toString();
  }

  private static TreeMap<String, Integer> toStrings(SimulationRecords r) {
    TreeMap<String, Integer> peaks = new TreeMap<>();
    r.peakVirtualCopiesBySource().forEach((id, peak) -> peaks.put(id.value(), peak));
    return peaks;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
