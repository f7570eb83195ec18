package dev.goldcopy.qcow2;

import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.StoreRef;
import java.nio.file.Path;

/**
 * The one configuration the end-to-end test and its crashing child process share: one store, a
 * per-source limit that forces several masters, two copies at a time.
 */
final class EndToEndSetup {
  static final StoreRef STORE = TestStores.ACME;
  static final ContentId IMAGE = ContentId.of("golden", "2026.11");
  static final int PER_SOURCE = 25;
  static final int CONCURRENT_COPIES = 2;

  private EndToEndSetup() {}

  static Qcow2FileStoreAdapter adapter(Path root) {
    return Qcow2FileStoreAdapter.builder(root)
        .store(STORE, "acme/pool-1")
        .maxVirtualCopiesPerSource(PER_SOURCE)
        .maxConcurrentPhysicalCopies(CONCURRENT_COPIES)
        .build();
  }

  static ReplicationExecutor executor(Qcow2FileStoreAdapter adapter) {
    return ReplicationExecutor.builder(adapter)
        .planner(ContainerReplicationPlanner.create(PlanningPolicy.defaults()))
        .build();
  }

  static Demand demand(int vms) {
    return Demand.of(IMAGE, "vm", vms);
  }
}
