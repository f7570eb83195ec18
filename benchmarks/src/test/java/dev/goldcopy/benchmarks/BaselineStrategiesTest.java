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
import java.time.Duration;
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
  void reactiveMakesAFullCopyForEveryRefusedRequest() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 20);

    // 20 requests at once (the array makes 64 clones at once): 8 fit the origin, 12 are refused
    f.sim.await(
        new ReactiveStrategy(f.sim, f.sim::schedule)
            .provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.clones()).isEqualTo(20);
    assertThat(f.count(Operation.CREATE_VIRTUAL_COPY, Outcome.LIMIT_REACHED)).isEqualTo(12);
    assertThat(check.replicas()).isEqualTo(12);
    assertThat(SequentialCopyStrategy.mastersNeeded(20, 8) - 1).isEqualTo(2);
  }

  @Test
  void reactiveOneRequestAtATimeCopiesTheOriginOnlyWhenTheNewestCopyIsFull() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 17);

    f.sim.await(
        new ReactiveStrategy(f.sim, f.sim::schedule, 1)
            .provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.replicas()).isEqualTo(2);
    assertThat(f.count(Operation.CREATE_VIRTUAL_COPY, Outcome.LIMIT_REACHED)).isEqualTo(2);
    Inventory inventory = f.sim.await(f.sim.inventory(f.store));
    assertThat(inventory.containers())
        .filteredOn(c -> c.isMaster() && !c.isOrigin())
        .allSatisfy(copy -> assertThat(copy.source()).isEqualTo(f.origin.id()));
  }

  @Test
  void parallelScriptCopiesFromTheOriginAtTheArraysConcurrencyAndPipelinesClones() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 30);

    f.sim.await(
        new ParallelScriptStrategy(f.sim, f.sim::schedule, true)
            .provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.replicas()).isEqualTo(3);
    assertThat(f.sim.records().peakConcurrentPhysicalCopies()).isEqualTo(3);
    assertThat(f.count(Operation.CREATE_VIRTUAL_COPY, Outcome.LIMIT_REACHED)).isZero();
    Inventory inventory = f.sim.await(f.sim.inventory(f.store));
    assertThat(inventory.containers())
        .filteredOn(c -> c.isMaster() && !c.isOrigin())
        .allSatisfy(copy -> assertThat(copy.source()).isEqualTo(f.origin.id()));
    assertThat(firstCloneCalled(f)).isLessThan(lastCopyAnswered(f));
  }

  @Test
  void parallelScriptWithoutPipeliningStartsNoCloneBeforeTheLastCopy() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 30);

    f.sim.await(
        new ParallelScriptStrategy(f.sim, f.sim::schedule, false)
            .provision(f.store, f.origin, Contender.vmNames(demand)));

    assertThat(f.check(demand).problems()).isEmpty();
    Duration lastCopy = lastCopyAnswered(f);
    assertThat(f.sim.records().calls())
        .filteredOn(c -> c.operation() == Operation.CREATE_VIRTUAL_COPY)
        .allSatisfy(c -> assertThat(c.calledAt()).isGreaterThanOrEqualTo(lastCopy));
  }

  @Test
  void fanOutTreeNeverReadsOneSourceWithTwoCopiesAtOnce() {
    Fixture f = new Fixture();
    Demand demand = Demand.of(IMAGE, "vm", 100);

    f.sim.await(
        new FanOutTreeStrategy(f.sim, f.sim::schedule)
            .provision(f.store, f.origin, Contender.vmNames(demand)));

    ProvisioningCheck check = f.check(demand);
    assertThat(check.problems()).isEmpty();
    assertThat(check.replicas()).isEqualTo(12);
    List<CallRecord> copies =
        f.sim.records().calls().stream()
            .filter(c -> c.operation() == Operation.CREATE_PHYSICAL_COPY)
            .toList();
    assertThat(copies.stream().map(CallRecord::subject).distinct().count()).isGreaterThan(4);
    for (CallRecord a : copies) {
      for (CallRecord b : copies) {
        if (a != b && java.util.Objects.equals(a.subject(), b.subject())) {
          boolean apart =
              a.answeredAt().compareTo(b.calledAt()) <= 0
                  || b.answeredAt().compareTo(a.calledAt()) <= 0;
          assertThat(apart).as(a + " and " + b).isTrue();
        }
      }
    }
  }

  @Test
  void slotsRunAtMostTheLimitAndTheRestInOrder() {
    Slots slots = new Slots(2);
    List<String> started = new java.util.ArrayList<>();
    for (String task : List.of("a", "b", "c", "d")) {
      slots.submit(() -> started.add(task));
    }
    assertThat(started).containsExactly("a", "b");
    assertThat(slots.inUse()).isEqualTo(2);
    slots.release();
    assertThat(started).containsExactly("a", "b", "c");
    slots.release();
    slots.release();
    slots.release();
    assertThat(started).containsExactly("a", "b", "c", "d");
    assertThat(slots.inUse()).isZero();
    assertThatThrownBy(slots::release).isInstanceOf(IllegalStateException.class);

    Slots unlimited = new Slots(0);
    unlimited.submit(unlimited::release);
    assertThat(unlimited.inUse()).isZero();
  }

  private static Duration firstCloneCalled(Fixture f) {
    return f.sim.records().calls().stream()
        .filter(c -> c.operation() == Operation.CREATE_VIRTUAL_COPY)
        .map(CallRecord::calledAt)
        .min(Duration::compareTo)
        .orElseThrow();
  }

  private static Duration lastCopyAnswered(Fixture f) {
    return f.sim.records().calls().stream()
        .filter(c -> c.operation() == Operation.CREATE_PHYSICAL_COPY)
        .map(CallRecord::answeredAt)
        .max(Duration::compareTo)
        .orElseThrow();
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
    ReactiveStrategy strategy = new ReactiveStrategy(f.sim, f.sim::schedule);

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
