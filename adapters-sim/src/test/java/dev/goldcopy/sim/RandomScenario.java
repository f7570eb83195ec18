package dev.goldcopy.sim;

import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Drives a simulated array with a random mix of creates and deletes, some waited for and some
 * overlapping, with the array's own faults on; then turns faults off and lets everything finish.
 */
final class RandomScenario {

  /** What a run left: the records and the final inventory. */
  record Result(SimulationRecords records, Inventory inventory, Duration elapsed) {}

  private RandomScenario() {}

  static Result run(VendorProfile profile, FaultPlan faults, long seed, int operations) {
    SimulatedArray sim =
        SimulatedArray.builder().profile(profile).faults(faults).seed(seed).build();
    StoreRef store = sim.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    ContentId content = ContentId.of("img", "1");
    GroupId group = GroupId.of("img-1");
    sim.createOrigin(store, "origin-a", content, group, 8L << 30);
    sim.createOrigin(store, "origin-b", content, group, 8L << 30);
    SplittableRandom choices = new SplittableRandom(seed ^ 0x5DEECE66DL);

    for (int i = 0; i < operations; i++) {
      List<Container> all = sim.await(sim.inventory(store)).containers();
      List<Container> masters =
          all.stream()
              .filter(c -> c.kind() == ContainerKind.PHYSICAL_MASTER)
              .collect(Collectors.toList());
      int roll = choices.nextInt(100);
      if (roll < 55 && !masters.isEmpty()) {
        Container source = masters.get(choices.nextInt(masters.size()));
        sim.createVirtualCopy(store, source.id(), "vm-" + choices.nextInt(operations), Labels.empty());
      } else if (roll < 65 && !masters.isEmpty()) {
        Container source = masters.get(choices.nextInt(masters.size()));
        sim.createPhysicalCopy(store, source.id(), "replica-" + choices.nextInt(8), Labels.empty());
      } else if (roll < 90 && !all.isEmpty()) {
        Container victim = all.get(choices.nextInt(all.size()));
        if (victim.isOrigin()) {
          continue;
        }
        sim.delete(store, victim.id());
      } else {
        sim.runFor(Duration.ofMillis(choices.nextInt(20_000)));
      }
      if (choices.nextInt(4) == 0) {
        sim.runFor(Duration.ofMillis(choices.nextInt(3_000)));
      }
    }
    sim.setFaults(FaultPlan.none());
    sim.runUntilIdle();
    return new Result(sim.records(), sim.await(sim.inventory(store)), sim.elapsed());
  }

  /** Returns how many virtual copies in {@code inventory} have {@code source} as their source. */
  static long clonesOf(Inventory inventory, Container source) {
    return inventory.containers().stream()
        .filter(c -> source.id().equals(c.source()) && c.kind() == ContainerKind.VIRTUAL_COPY)
        .count();
  }

  /** Returns whether nothing in {@code inventory} is still being made. */
  static boolean settled(Inventory inventory) {
    return inventory.containers().stream().noneMatch(c -> c.state() == ContainerState.COPYING);
  }
}
