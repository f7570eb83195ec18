package dev.goldcopy.execute;

import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ForwardingArrayAdapter;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The executor's side of "never asks past a declared limit": wraps the simulated array and checks
 * each create, as it is asked, against the capabilities the array declares and what the store
 * holds at that instant. A create of a new name on a source already at its per-source limit, past
 * the array's virtual copy or container totals, or past the free capacity, is a violation, whether
 * or not the array then refuses it. Capacity taken by someone else mid-run excuses capacity only.
 *
 * <p>Concurrency is watched per client ({@link #client()}, one per executor): a client that asks
 * for a new physical copy while as many of its own are unanswered as the array runs at once, or for
 * a new clone past the declared clone concurrency, is a violation. A create of a name the store
 * already holds (waiting for a copy another run started, or a repeated create) starts no copy and
 * is not counted. Copies another client left running (a crashed run's) are the array's to refuse,
 * not this client's to count.
 */
final class LimitWatch extends ForwardingArrayAdapter {
  private final SimulatedArray sim;
  private final List<String> violations = new ArrayList<>();
  private boolean capacityTakenOutOfBand;
  /** The creates of new names this watch (as a client) has asked for and not heard back from. */
  private final Set<String> physicalInFlight = new HashSet<>();
  private final Set<String> virtualInFlight = new HashSet<>();
  private final @Nullable LimitWatch shared;
  /** Which client this is: 0 for the watch itself, then 1, 2, ... in the order asked for. */
  private final int number;
  private int clients;

  LimitWatch(SimulatedArray sim) {
    super(sim);
    this.sim = sim;
    this.shared = null;
    this.number = 0;
  }

  private LimitWatch(LimitWatch parent) {
    super(parent.sim);
    this.sim = parent.sim;
    this.shared = parent;
    this.number = ++parent.clients;
  }

  /** Returns a client of the array with its own concurrency count: give one to each executor. */
  LimitWatch client() {
    return new LimitWatch(this);
  }

  private LimitWatch root() {
    LimitWatch s = shared;
    return s == null ? this : s;
  }

  List<String> violations() {
    return root().violations;
  }

  /** Notes that capacity was taken behind the executor's back: capacity refusals are excused. */
  void capacityTakenOutOfBand() {
    root().capacityTakenOutOfBand = true;
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    Inventory now = sim.inventoryNow(store);
    if (now.findByName(name).isPresent()) {
      return sim.createPhysicalCopy(store, source, name, labels);
    }
    ArrayCapabilities caps = sim.capabilitiesNow(store);
    long size = now.find(source).map(Container::sizeBytes).orElse(0L);
    if (caps.remainingContainers() <= 0) {
      violation("asked for replica " + name + " past the container total");
    }
    if (!root().capacityTakenOutOfBand
        && caps.freeCapacityBytes() < caps.copyCosts().physicalCopyBytes(size)) {
      violation("asked for replica " + name + " past the free capacity ("
          + caps.freeCapacityBytes() + " bytes free, the copy takes "
          + caps.copyCosts().physicalCopyBytes(size) + ")");
    }
    int concurrency = caps.maxConcurrentPhysicalCopies();
    if (ArrayCapabilities.isLimited(concurrency) && physicalInFlight.size() >= concurrency) {
      violation("asked for replica " + name + " with " + physicalInFlight.size()
          + " physical copies of its own in flight, the array runs at most " + concurrency);
    }
    return inFlight(physicalInFlight, name, () -> sim.createPhysicalCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    Inventory now = sim.inventoryNow(store);
    if (now.findByName(name).isPresent()) {
      return sim.createVirtualCopy(store, source, name, labels);
    }
    ArrayCapabilities caps = sim.capabilitiesNow(store);
    long onSource = now.containers().stream()
        .filter(c -> !c.isMaster() && source.equals(c.source()))
        .count();
    int limit = caps.maxVirtualCopiesPerSource();
    if (ArrayCapabilities.isLimited(limit) && onSource >= limit) {
      violation("asked for clone " + name + " on " + source + " holding " + onSource
          + " of " + limit);
    }
    if (caps.remainingVirtualCopies() <= 0 || caps.remainingContainers() <= 0) {
      violation("asked for clone " + name + " past an array total");
    }
    int concurrency = caps.maxConcurrentVirtualCopies();
    if (ArrayCapabilities.isLimited(concurrency) && virtualInFlight.size() >= concurrency) {
      violation("asked for clone " + name + " with " + virtualInFlight.size()
          + " clones of its own being made, the array makes at most " + concurrency);
    }
    return inFlight(virtualInFlight, name, () -> sim.createVirtualCopy(store, source, name, labels));
  }

  /**
   * Counts {@code name} in flight until its create answers. The stage handed back completes only
   * after the count went down, so a caller that asks again from its callback is counted right.
   */
  private static <T> CompletionStage<T> inFlight(
      Set<String> names, String name, Supplier<CompletionStage<T>> call) {
    names.add(name);
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      names.remove(name);
      throw e;
    }
    return stage.whenComplete((v, e) -> names.remove(name));
  }

  private void violation(String what) {
    root().violations.add("client " + number + " " + what);
  }
}
