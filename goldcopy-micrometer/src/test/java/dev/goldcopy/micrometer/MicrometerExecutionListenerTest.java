package dev.goldcopy.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A run on the simulated array shows in the registry under the documented names. */
class MicrometerExecutionListenerTest {

  @Test
  void aRunPublishesItsStepsRetriesOutcomeAndTimings() {
    ContentId image = ContentId.of("win11", "2026.11");
    SimulatedArray sim =
        SimulatedArray.builder()
            .profile(VendorProfile.builder("m").maxVirtualCopiesPerSource(4).build())
            .seed(3)
            .faults(FaultPlan.builder().transientBusyRate(0.3).build())
            .build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    sim.createOrigin(store, "golden", image, GroupId.of("win11"), 1L << 30);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ExecutionResult r =
        sim.await(
            ReplicationExecutor.builder(sim)
                .executor(Runnable::run)
                .scheduler(sim::schedule)
                .clock(sim.clock())
                .listener(new MicrometerExecutionListener(registry, Tags.of("store", "pool-1")))
                .build()
                .start(store, Demand.of(image, "vm", 10))
                .result());

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    Tags clone = Tags.of("store", "pool-1", "kind", "clone");
    assertThat(registry.get(MicrometerExecutionListener.STEPS_FINISHED).tags(clone).counter().count())
        .isEqualTo(10);
    assertThat(registry.get(MicrometerExecutionListener.STEPS_FINISHED)
            .tags("kind", "replica").counter().count())
        .isEqualTo(2);
    assertThat(registry.find(MicrometerExecutionListener.STEPS_RETRIED).counters())
        .isNotEmpty()
        .allMatch(c -> c.getId().getTag("error") != null);
    assertThat(registry.find(MicrometerExecutionListener.STEPS_FAILED).counters()).isEmpty();
    assertThat(registry.get(MicrometerExecutionListener.STEPS_IN_FLIGHT).gauge().value()).isZero();
    assertThat(registry.get(MicrometerExecutionListener.RUNS_FINISHED)
            .tags("outcome", "succeeded").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(MicrometerExecutionListener.RUN_DURATION).timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerExecutionListener.STEP_DURATION).tags("kind", "replica")
            .timer().count())
        .isEqualTo(2);
    assertThat(registry.get(MicrometerExecutionListener.MADE).tags("kind", "clone").counter().count())
        .isEqualTo(10);
  }
}
