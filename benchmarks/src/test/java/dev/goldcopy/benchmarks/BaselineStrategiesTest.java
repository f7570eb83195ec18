package dev.goldcopy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.Operation;
import dev.goldcopy.sim.Outcome;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.SimulationRecords;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BaselineStrategiesTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  /** A fresh simulated ME4 with large pools (8 clones per source) holding a 1 GiB origin. */
  private static final class Fixture {
    final SimulatedArray sim =
        SimulatedArray.builder()
            .profile(VendorProfile.DELL_ME4_LARGE_POOLS)
            .seed(7)
            .faults(FaultPlan.none())
            .recordCalls(true)
            .build();
    final StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    final Container origin =
        sim.createOrigin(store, "golden", IMAGE, GroupId.of("win11-2026.11"), 1L << 30);

    ProvisioningCheck check(Demand demand) {
      Inventory inventory = sim.await(sim.inventory(store));
      return ProvisioningCheck.inspect(
          sim.records(), inventory, origin, demand, 8, vm -> vm.value());
    }

    long count(Operation operation, Outcome outcome) {
      SimulationRecords records = sim.records();
      return records.calls().stream()
          .filter(c -> c.operation() == operation)
          .map(CallRecord::outcome)
          .filter(o -> o == outcome)
          .count();
    }
  }

  @Test
  void reactiveCopiesOnlyWhenRefusedAndEndsCorrect() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 20);
    ReactiveStrategy strategy =
        new ReactiveStrategy(f.sim, f.sim::schedule, ReactiveStrategy.CopySource.ORIGIN);

    f.sim.await(strategy.provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.replicas()).isEqualTo(2);
    assertThat(check.clones()).isEqualTo(20);
    assertThat(f.count(Operation.CREATE_VIRTUAL_COPY, Outcome.LIMIT_REACHED))
        .isGreaterThanOrEqualTo(2);
    assertThat(f.count(Operation.CREATE_PHYSICAL_COPY, Outcome.SUCCEEDED)).isEqualTo(2);
  }

  @Test
  void reactiveFromTheNewestMasterCopiesTheMasterThatRefused() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 17);
    ReactiveStrategy strategy =
        new ReactiveStrategy(f.sim, f.sim::schedule, ReactiveStrategy.CopySource.NEWEST_MASTER);

    f.sim.await(strategy.provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.replicas()).isEqualTo(2);
    Inventory inventory = f.sim.await(f.sim.inventory(f.store));
    Container second = inventory.findByName("golden-hidden-0002").orElseThrow();
    Container first = inventory.findByName("golden-hidden-0001").orElseThrow();
    assertThat(second.source()).isEqualTo(first.id());
  }

  @Test
  void sequentialSizesTheGroupUpFrontAndIsNeverRefused() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 30);

    f.sim.await(
        new SequentialCopyStrategy(f.sim, f.sim::schedule)
            .provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.replicas()).isEqualTo(3);
    assertThat(check.clones()).isEqualTo(30);
    assertThat(f.count(Operation.CREATE_VIRTUAL_COPY, Outcome.LIMIT_REACHED)).isZero();
    assertThat(f.sim.records().peakConcurrentPhysicalCopies()).isEqualTo(1);
  }

  @Test
  void checkFindsAMissingClone() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 3);
    CompletableFuture<Void> done =
        new SequentialCopyStrategy(f.sim, f.sim::schedule)
            .provision(f.store, f.origin, List.of("vm-00001", "vm-00002"));
    f.sim.await(done);

    ProvisioningCheck check = f.check(demand);
    assertThat(check.passed()).isFalse();
    assertThat(check.problems()).anyMatch(p -> p.contains("vm-00003"));
  }

  @Test
  void refusesRepeatedNames() {
    Fixture f = new Fixture();
    ReactiveStrategy strategy =
        new ReactiveStrategy(f.sim, f.sim::schedule, ReactiveStrategy.CopySource.ORIGIN);

    assertThatThrownBy(() -> strategy.provision(f.store, f.origin, List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cloneNames");
    assertThat(f.sim.records().calls()).isEmpty();
  }

  @Test
  void sizingRuleMatchesThePlanner() {
    assertThat(SequentialCopyStrategy.mastersNeeded(2000, 8)).isEqualTo(250);
    assertThat(SequentialCopyStrategy.mastersNeeded(0, 8)).isEqualTo(1);
    assertThat(SequentialCopyStrategy.mastersNeeded(17, 8)).isEqualTo(3);
    assertThat(SequentialCopyStrategy.mastersNeeded(17, 0)).isEqualTo(1);
  }
}
