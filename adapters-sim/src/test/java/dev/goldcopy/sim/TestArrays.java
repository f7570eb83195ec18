package dev.goldcopy.sim;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Shared values and small helpers for the simulator's tests. */
final class TestArrays {
  static final long GIB = 1L << 30;
  static final TenantId ACME = TenantId.of("acme");
  static final ContentId WIN11 = ContentId.of("win11", "2026.11");
  static final GroupId GROUP = GroupId.of("win11-2026.11");

  /** 1 GiB/s per stream and in all, 2 s per clone, 1 s per delete: easy arithmetic. */
  static final LatencyModel ONE_GIB_PER_SECOND =
      LatencyModel.builder()
          .perStreamBytesPerSecond(GIB)
          .aggregateBytesPerSecond(GIB)
          .cloneLatency(Duration.ofSeconds(2))
          .deleteLatency(Duration.ofSeconds(1))
          .build();

  private TestArrays() {}

  static SimulatedArray array(VendorProfile profile) {
    return SimulatedArray.builder().profile(profile).latency(ONE_GIB_PER_SECOND).seed(1).build();
  }

  static StoreRef store(SimulatedArray sim) {
    return sim.addStore(ACME, StoreId.of("pool-1"));
  }

  static Container origin(SimulatedArray sim, StoreRef store, String name, long sizeBytes) {
    return sim.createOrigin(store, name, WIN11, GROUP, sizeBytes);
  }

  /** Returns the virtual time at which {@code stage} completes, however it completes. */
  static Duration[] completionTime(SimulatedArray sim, CompletionStage<?> stage) {
    Duration[] at = new Duration[1];
    stage.whenComplete((value, error) -> at[0] = sim.elapsed());
    return at;
  }
}
