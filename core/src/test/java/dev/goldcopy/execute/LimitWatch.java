package dev.goldcopy.execute;

import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The executor's side of "never asks past a declared limit": wraps the simulated array and checks
 * each create, as it is asked, against the capabilities the array declares and what the store
 * holds at that instant. A create of a new name on a source already at its per-source limit, past
 * the array's virtual copy or container totals, or past the free capacity, is a violation, whether
 * or not the array then refuses it. Capacity taken by someone else mid-run excuses capacity only.
 */
final class LimitWatch implements ArrayAdapter {
  private final SimulatedArray sim;
  private final List<String> violations = new ArrayList<>();
  private boolean capacityTakenOutOfBand;

  LimitWatch(SimulatedArray sim) {
    this.sim = sim;
  }

  List<String> violations() {
    return violations;
  }

  /** Notes that capacity was taken behind the executor's back: capacity refusals are excused. */
  void capacityTakenOutOfBand() {
    capacityTakenOutOfBand = true;
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return sim.capabilities(store);
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    return sim.inventory(store);
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    Inventory now = sim.inventoryNow(store);
    if (now.findByName(name).isEmpty()) {
      ArrayCapabilities caps = sim.capabilitiesNow(store);
      long size = now.find(source).map(Container::sizeBytes).orElse(0L);
      if (caps.remainingContainers() <= 0) {
        violations.add("asked for replica " + name + " past the container total");
      }
      if (!capacityTakenOutOfBand && caps.freeCapacityBytes() < caps.copyCosts().physicalCopyBytes(size)) {
        violations.add("asked for replica " + name + " past the free capacity");
      }
    }
    return sim.createPhysicalCopy(store, source, name, labels);
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    Inventory now = sim.inventoryNow(store);
    if (now.findByName(name).isEmpty()) {
      ArrayCapabilities caps = sim.capabilitiesNow(store);
      long onSource = now.containers().stream()
          .filter(c -> !c.isMaster() && source.equals(c.source()))
          .count();
      int limit = caps.maxVirtualCopiesPerSource();
      if (ArrayCapabilities.isLimited(limit) && onSource >= limit) {
        violations.add("asked for clone " + name + " on " + source + " holding " + onSource
            + " of " + limit);
      }
      if (caps.remainingVirtualCopies() <= 0 || caps.remainingContainers() <= 0) {
        violations.add("asked for clone " + name + " past an array total");
      }
    }
    return sim.createVirtualCopy(store, source, name, labels);
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return sim.delete(store, container);
  }
}
