package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static java.util.Objects.requireNonNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link CopyBandwidth} against the model it implements, computed the direct way: at every start
 * and end, every copy's bytes are moved forward and every copy's finishing time computed again
 * (what the simulator did before the work clock, in {@code O(n)} per change).
 */
class CopyBandwidthTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;
  private static final LatencyModel SHARED =
      LatencyModel.builder()
          .perStreamBytesPerSecond(512 * MIB)
          .aggregateBytesPerSecond(1536 * MIB)
          .build();

  private static final LatencyModel READ_LIMITED =
      SHARED.toBuilder().perSourceReadBytesPerSecond(700 * MIB).build();

  /**
   * One copy of the scenario: when it starts, its bytes, when it is aborted (or never), which of
   * three sources it reads and which of two stores (and controllers) it is on.
   */
  private record Planned(long startNanos, long bytes, long abortNanos, int source, int store) {}

  @Test
  void manyCopiesInFlightKeepOneEventOnTheLoop() {
    EventLoop loop = new EventLoop();
    List<PhysicalCopy> done = new ArrayList<>();
    CopyBandwidth bandwidth = new CopyBandwidth(loop, SHARED, 1, done::add);
    SimContainer origin = container("origin", STORES[0]);
    for (int i = 0; i < 10_000; i++) {
      bandwidth.start(
          new PhysicalCopy(container("r" + i, STORES[0]), origin, MIB * (1 + i % 7), false));
    }

    assertThat(bandwidth.active()).isEqualTo(10_000);
    assertThat(loop.pending()).isEqualTo(1);
    while (loop.step()) {
      assertThat(loop.pending()).isLessThanOrEqualTo(1);
    }
    assertThat(done).hasSize(10_000);
    assertThat(bandwidth.active()).isZero();
  }

  @Test
  void finishingTimesMatchTheDirectComputationWithinANanosecondOrTwo() {
    checkAgainstDirect(SHARED, 1);
  }

  @Test
  void withAReadLimitAndTwoControllersFinishingTimesStillMatchTheDirectComputation() {
    checkAgainstDirect(READ_LIMITED, 2);
  }

  @Test
  void copiesOfOneSourceShareItsReadBandwidthAndCopiesOfOthersDoNot() {
    LatencyModel model =
        LatencyModel.builder()
            .perStreamBytesPerSecond(GIB)
            .aggregateBytesPerSecond(8 * GIB)
            .perSourceReadBytesPerSecond(GIB)
            .build();
    List<Planned> plan =
        List.of(
            new Planned(0, 10 * GIB, -1, 0, 0),
            new Planned(0, 10 * GIB, -1, 0, 0),
            new Planned(0, 10 * GIB, -1, 1, 0));

    Map<Integer, Long> finished = simulated(plan, model, 1);

    // two copies read source 0 at 0.5 GiB/s each; the copy of source 1 has its stream's 1 GiB/s
    assertThat(finished).containsEntry(0, 20_000_000_000L).containsEntry(1, 20_000_000_000L);
    assertThat(finished).containsEntry(2, 10_000_000_000L);
  }

  @Test
  void eachControllerSharesItsOwnBandwidth() {
    LatencyModel model =
        LatencyModel.builder().perStreamBytesPerSecond(GIB).aggregateBytesPerSecond(GIB).build();
    List<Planned> plan =
        List.of(
            new Planned(0, 10 * GIB, -1, 0, 0),
            new Planned(0, 10 * GIB, -1, 1, 0),
            new Planned(0, 10 * GIB, -1, 0, 1));

    Map<Integer, Long> finished = simulated(plan, model, 2);

    // store 0's two copies share controller 0's 1 GiB/s; store 1's copy has controller 1 alone
    assertThat(finished).containsEntry(0, 20_000_000_000L).containsEntry(1, 20_000_000_000L);
    assertThat(finished).containsEntry(2, 10_000_000_000L);
  }

  private static void checkAgainstDirect(LatencyModel model, int controllers) {
    long[] compared = new long[1];
    qt().withFixedSeed(20261130L)
        .withExamples(200)
        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 40))
        .checkAssert(
            draws -> {
              List<Planned> plan = new ArrayList<>();
              for (int d : draws) {
                long start = (d % 600) * 100_000_000L;
                long bytes = (1 + (d / 600) % 4096) * MIB + d % 1000;
                long abort = d % 5 == 0 ? start + (d % 3000) * 10_000_000L : -1;
                plan.add(new Planned(start, bytes, abort, (d / 7) % 3, (d / 11) % controllers));
              }
              Map<Integer, Long> expected = direct(plan, model, controllers);
              Map<Integer, Long> actual = simulated(plan, model, controllers);
              assertThat(actual.keySet()).isEqualTo(expected.keySet());
              expected.forEach(
                  (copy, at) -> assertThat(actual.get(copy)).isCloseTo(at, within(2L)));
              compared[0] += expected.size();
            });
    assertThat(compared[0]).as("copies that finished and were compared").isGreaterThan(1000);
  }

  /** What runs the copies: {@link CopyBandwidth} or the direct computation. */
  private interface Sharing {
    void start(PhysicalCopy copy);

    void stop(PhysicalCopy copy);
  }

  /** Runs {@code plan} on {@link CopyBandwidth}; returns each finished copy's finishing time. */
  private static Map<Integer, Long> simulated(
      List<Planned> plan, LatencyModel latency, int controllers) {
    return run(plan, (loop, done) -> {
      CopyBandwidth b = new CopyBandwidth(loop, latency, controllers, done);
      return new Sharing() {
        @Override
        public void start(PhysicalCopy copy) {
          b.start(copy);
        }

        @Override
        public void stop(PhysicalCopy copy) {
          b.stop(copy);
        }
      };
    });
  }

  /** Runs {@code plan} on {@link DirectSharing}; returns each finished copy's finishing time. */
  private static Map<Integer, Long> direct(
      List<Planned> plan, LatencyModel latency, int controllers) {
    return run(plan, (loop, done) -> new DirectSharing(loop, latency, done));
  }

  private static Map<Integer, Long> run(
      List<Planned> plan,
      BiFunction<EventLoop, Consumer<PhysicalCopy>, Sharing>
          sharing) {
    EventLoop loop = new EventLoop();
    Map<PhysicalCopy, Integer> index = new HashMap<>();
    Map<Integer, Long> finished = new HashMap<>();
    Map<Integer, Boolean> running = new HashMap<>();
    Sharing bandwidth =
        sharing.apply(
            loop,
            copy -> {
              int i = requireNonNull(index.get(copy));
              finished.put(i, loop.now());
              running.put(i, false);
            });
    SimContainer[][] sources = new SimContainer[2][3];
    for (int store = 0; store < 2; store++) {
      for (int source = 0; source < 3; source++) {
        sources[store][source] = container("source-" + store + "-" + source, STORES[store]);
      }
    }
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      PhysicalCopy copy =
          new PhysicalCopy(
              container("r" + i, STORES[p.store()]),
              sources[p.store()][p.source()],
              p.bytes(),
              false);
      index.put(copy, i);
      int n = i;
      loop.schedule(
          p.startNanos(),
          () -> {
            running.put(n, true);
            bandwidth.start(copy);
          });
      if (p.abortNanos() >= 0) {
        loop.schedule(
            p.abortNanos(),
            () -> {
              if (running.getOrDefault(n, false)) {
                running.put(n, false);
                bandwidth.stop(copy);
              }
            });
      }
    }
    while (loop.step()) {
      // run it all
    }
    return finished;
  }

  /**
   * The model computed directly: at every start and end every running copy's bytes are moved
   * forward at the rate it had, every rate is computed again, and every copy gets a new finishing
   * event at the first nanosecond its bytes are all moved.
   */
  private static final class DirectSharing implements Sharing {
    /** One copy in progress. */
    private static final class Flow {
      final PhysicalCopy copy;
      double remaining;
      double rate;
      long at;
      EventLoop.@Nullable Event event;

      Flow(PhysicalCopy copy, long at) {
        this.copy = copy;
        this.remaining = copy.bytes;
        this.at = at;
      }
    }

    private final EventLoop loop;
    private final LatencyModel latency;
    private final Consumer<PhysicalCopy> done;
    private final List<Flow> active = new ArrayList<>();

    DirectSharing(EventLoop loop, LatencyModel latency, Consumer<PhysicalCopy> done) {
      this.loop = loop;
      this.latency = latency;
      this.done = done;
    }

    @Override
    public void start(PhysicalCopy copy) {
      advance();
      active.add(new Flow(copy, loop.now()));
      reschedule();
    }

    @Override
    public void stop(PhysicalCopy copy) {
      advance();
      Flow flow = remove(copy);
      EventLoop.Event e = flow.event;
      if (e != null) {
        loop.cancel(e);
      }
      reschedule();
    }

    private Flow remove(PhysicalCopy copy) {
      for (int i = 0; i < active.size(); i++) {
        if (active.get(i).copy == copy) {
          return active.remove(i);
        }
      }
      throw new IllegalStateException("not running");
    }

    private void finish(Flow flow) {
      advance();
      remove(flow.copy);
      reschedule();
      done.accept(flow.copy);
    }

    private void advance() {
      for (Flow f : active) {
        f.remaining = Math.max(0, f.remaining - f.rate * (loop.now() - f.at) / 1e9);
        f.at = loop.now();
      }
    }

    private void reschedule() {
      for (Flow f : active) {
        f.rate = rate(f.copy);
        EventLoop.Event e = f.event;
        if (e != null) {
          loop.cancel(e);
        }
        long delay = (long) Math.ceil(f.remaining / f.rate * 1e9 - 1e-3);
        f.event = loop.schedule(delay, () -> finish(f));
      }
    }

    private double rate(PhysicalCopy copy) {
      int onController = 0;
      int onSource = 0;
      for (Flow f : active) {
        onController += f.copy.target.store == copy.target.store ? 1 : 0;
        onSource += f.copy.source == copy.source ? 1 : 0;
      }
      double rate = latency.rateEach(onController);
      long read = latency.perSourceReadBytesPerSecond();
      return read == LatencyModel.UNLIMITED ? rate : Math.min(rate, (double) read / onSource);
    }
  }

  private static SimContainer container(String name, SimStore store) {
    return new SimContainer(
        ContainerId.of(name),
        name,
        ContainerKind.PHYSICAL_MASTER,
        TestArrays.WIN11,
        TestArrays.GROUP,
        null,
        null,
        store,
        1,
        1,
        0,
        ContainerState.READY,
        Labels.empty());
  }

  /** Two stores; with two controllers each has its own, with one they share it. */
  private static final SimStore[] STORES = {
    new SimStore(StoreRef.of("acme", "pool-1"), Long.MAX_VALUE, 0),
    new SimStore(StoreRef.of("acme", "pool-2"), Long.MAX_VALUE, 1)
  };
}
