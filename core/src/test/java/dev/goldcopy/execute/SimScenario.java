package dev.goldcopy.execute;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.List;

/** A simulated array with one tenant store holding one golden origin, and executors wired to it. */
final class SimScenario {
  static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  static final GroupId GROUP = GroupId.of("win11-2026.11");

  /** Every vendor profile the simulator ships. */
  static final List<VendorProfile> PROFILES =
      List.of(
          VendorProfile.HPE_3PAR,
          VendorProfile.DELL_PS,
          VendorProfile.DELL_MD3200,
          VendorProfile.DELL_ME4,
          VendorProfile.DELL_ME4_LARGE_POOLS,
          VendorProfile.EMC_VNX,
          VendorProfile.DELL_POWERSTORE,
          VendorProfile.CEPH_RBD);

  final SimulatedArray sim;
  final StoreRef store;
  final Container origin;

  SimScenario(VendorProfile profile, long seed, FaultPlan faults) {
    this.sim =
        SimulatedArray.builder().profile(profile).seed(seed).faults(faults).recordCalls(true).build();
    this.store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    this.origin = sim.createOrigin(store, "golden-win11", IMAGE, GROUP, 1L << 30);
  }

  ReplicationExecutor.Builder executor() {
    return ReplicationExecutor.builder(sim)
        .executor(Runnable::run)
        .scheduler(sim::schedule)
        .clock(sim.clock())
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(10)
                .initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30))
                .seed(17)
                .build());
  }

  static Demand demand(int count) {
    return Demand.of(IMAGE, "vm", count);
  }
}
