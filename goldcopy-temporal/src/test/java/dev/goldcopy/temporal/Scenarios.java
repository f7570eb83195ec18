package dev.goldcopy.temporal;

import dev.goldcopy.execute.RetryPolicy;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.temporal.wire.StoreSettings;
import io.temporal.client.WorkflowClient;
import java.time.Duration;

/** Settings and arrays the tests share. */
final class Scenarios {
  static final long GIB = 1L << 30;

  private Scenarios() {}

  /**
   * Short timeouts and polls, so that a dead worker is noticed within seconds; a heartbeat
   * timeout well above the copy activity's one-second heartbeat, so that a loaded build machine
   * does not time out live copies.
   */
  static StoreSettings fastSettings() {
    return StoreOptions.builder()
        .callTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(3))
        .copyWait(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5))
        .build();
  }

  /** Quick retries: the simulator's faults pass within a few attempts. */
  static RetryPolicy fastRetry() {
    return RetryPolicy.builder()
        .maxAttempts(10)
        .initialBackoff(Duration.ofMillis(20))
        .maxBackoff(Duration.ofMillis(500))
        .seed(7)
        .build();
  }

  static StoreClient client(WorkflowClient client) {
    return StoreClient.builder(client).settings(fastSettings()).retry(fastRetry()).build();
  }

  /** Dell ME4 with large pools: 8 clones per source, 4 copies at once. */
  static SimulatedArray me4(long seed, FaultPlan faults) {
    return SimulatedArray.builder()
        .profile(VendorProfile.DELL_ME4_LARGE_POOLS)
        .seed(seed)
        .faults(faults)
        .build();
  }

  /**
   * Faults of every kind. A replica whose copy stops incomplete three times in a row is given up
   * (the store ends {@code PARTIAL}, as the in-process executor's would); at 5 % that happened to
   * one store in a thousand in about every third run, so copies stop incomplete at 1 %.
   */
  static FaultPlan someFaults() {
    return FaultPlan.builder()
        .transientBusyRate(0.03)
        .lostResponseRate(0.03)
        .incompleteCopyRate(0.01)
        .latencySpikeRate(0.02)
        .latencySpike(Duration.ofSeconds(20))
        .build();
  }
}
