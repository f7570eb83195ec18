package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The simulated array as a real-time, thread-safe adapter: a driver thread runs the simulator's
 * events as a time source advances (real time times a speed, or the Temporal test server's clock,
 * which jumps when the server skips time), and activity threads call it concurrently (the
 * simulator's methods are synchronized; its stages complete on the driver thread, which only
 * completes the futures the activities wait on).
 *
 * <p>Honest about what it is: the simulator's limits, faults and copy bandwidth, with its virtual
 * time slaved to a clock the test chooses. A copy of 40 GiB at 512 MiB/s takes 80 s of that clock.
 */
final class DrivenArray implements ArrayAdapter, AutoCloseable {
  private final SimulatedArray sim;
  private final LongSupplier targetNanos;
  private final Thread driver;
  private volatile boolean running = true;

  private DrivenArray(SimulatedArray sim, LongSupplier targetNanos, String name) {
    this.sim = requireNonNull(sim, "sim");
    this.targetNanos = targetNanos;
    this.driver = new Thread(this::drive, "driven-array-" + name);
    driver.setDaemon(true);
    driver.start();
  }

  /** Virtual time runs at {@code speed} times real time. */
  static DrivenArray scaled(SimulatedArray sim, double speed, String name) {
    long t0 = System.nanoTime();
    return new DrivenArray(sim, () -> (long) ((System.nanoTime() - t0) * speed), name);
  }

  /** Virtual time follows a clock in epoch milliseconds, such as the test server's. */
  static DrivenArray onClock(SimulatedArray sim, LongSupplier epochMillis, String name) {
    long t0 = epochMillis.getAsLong();
    return new DrivenArray(sim, () -> (epochMillis.getAsLong() - t0) * 1_000_000L, name);
  }

  SimulatedArray sim() {
    return sim;
  }

  private void drive() {
    while (running) {
      long target = targetNanos.getAsLong();
      long now = sim.elapsed().toNanos();
      if (target > now) {
        sim.runFor(Duration.ofNanos(target - now));
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    driver.interrupt();
  }

  private static <T> CompletionStage<T> relay(CompletionStage<T> stage) {
    CompletableFuture<T> out = new CompletableFuture<>();
    stage.whenComplete((v, e) -> {
      if (e != null) {
        out.completeExceptionally(e);
      } else {
        out.complete(v);
      }
    });
    return out;
  }

  @Override
  public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
    return relay(sim.capabilities(store));
  }

  @Override
  public CompletionStage<Inventory> inventory(StoreRef store) {
    return relay(sim.inventory(store));
  }

  @Override
  public CompletionStage<Container> createPhysicalCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return relay(sim.createPhysicalCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Container> createVirtualCopy(
      StoreRef store, ContainerId source, String name, Labels labels) {
    return relay(sim.createVirtualCopy(store, source, name, labels));
  }

  @Override
  public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
    return relay(sim.delete(store, container));
  }
}
