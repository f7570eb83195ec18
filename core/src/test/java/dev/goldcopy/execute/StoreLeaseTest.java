package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.plan.Demand;
import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.LeaseHeldException;
import dev.goldcopy.spi.StoreLease;
import dev.goldcopy.spi.StoreRef;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One writer per store, on real threads: a second executor on a leased store fails fast or
 * waits, as its caller chooses, and the in-process lease's fencing tokens grow.
 */
class StoreLeaseTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final FakeArray fake = new FakeArray(new VirtualLoop(), 4, 2);
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch firstCloneAsked = new CountDownLatch(1);
  private final ImmediateArray shared = new ImmediateArray(fake);
  private final InProcessStoreLease lease = InProcessStoreLease.create(Clock.systemUTC());

  @AfterEach
  void stop() {
    gate.countDown();
    threads.shutdownNow();
  }

  /** An executor with its own view of the array (to count its calls), sharing the lease. */
  private ReplicationExecutor.Builder executor(GatedArray array) {
    return ReplicationExecutor.builder(array)
        .executor(threads)
        .clock(Clock.systemUTC())
        .storeLease(lease);
  }

  @Test
  void aSecondExecutorFailsFastOrWaitsAsItsCallerChooses() throws Exception {
    fake.createOrigin("golden");
    Demand demand = Demand.of(fake.content, "vm", 6);
    CompletableFuture<ExecutionResult> first =
        executor(new GatedArray(shared)).build().start(fake.store, demand).result();
    assertThat(firstCloneAsked.await(30, TimeUnit.SECONDS)).isTrue();

    GatedArray second = new GatedArray(shared);
    CompletableFuture<ExecutionResult> refused =
        executor(second).leaseWait(Duration.ZERO).build().start(fake.store, demand).result();
    assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(LeaseHeldException.class)
        .hasMessageContaining("is leased by goldcopy run")
        .hasMessageContaining("one writer per store");
    assertThat(second.calls.get()).as("the refused executor made no call").isZero();

    CompletableFuture<ExecutionResult> queued =
        executor(new GatedArray(shared)).leaseWait(Duration.ofMinutes(5)).build()
            .start(fake.store, demand).result();
    assertThat(queued).isNotDone();
    gate.countDown();

    ExecutionResult a = first.get(60, TimeUnit.SECONDS);
    ExecutionResult b = queued.get(60, TimeUnit.SECONDS);
    assertThat(a.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(a.vms().values()).allMatch(VmOutcome.Provisioned.class::isInstance);
    assertThat(b.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(b.vms().values()).allMatch(VmOutcome.AlreadyThere.class::isInstance);
  }

  @Test
  void theInProcessLeaseFencesAStaleHolder() {
    MutableClock clock = new MutableClock();
    InProcessStoreLease lease = InProcessStoreLease.create(clock);
    StoreRef store = StoreRef.of("acme", "pool-1");
    StoreLease.Grant a = lease.acquire(store, "a", Duration.ofSeconds(30)).toCompletableFuture().join();
    assertThat(lease.holds(a)).isTrue();
    assertThat(lease.acquire(store, "b", Duration.ofSeconds(30)).toCompletableFuture())
        .isCompletedExceptionally();
    clock.advance(Duration.ofSeconds(31));
    assertThat(lease.holds(a)).as("expired").isFalse();
    StoreLease.Grant b = lease.acquire(store, "b", Duration.ofSeconds(30)).toCompletableFuture().join();
    assertThat(b.fencingToken()).isGreaterThan(a.fencingToken());
    assertThat(lease.holds(a)).isFalse();
    assertThat(lease.renew(a, Duration.ofSeconds(30)).toCompletableFuture()).isCompletedExceptionally();
    lease.release(a); // a stale release does not free b's lease
    assertThat(lease.holds(b)).isTrue();
    lease.release(b);
    assertThat(lease.holds(b)).isFalse();
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  /** Holds every clone creation until the gate opens, on a thread of its own; counts calls. */
  private final class GatedArray implements ArrayAdapter {
    private final ArrayAdapter delegate;
    final AtomicInteger calls = new AtomicInteger();

    GatedArray(ArrayAdapter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
      calls.incrementAndGet();
      return delegate.capabilities(store);
    }

    @Override
    public CompletionStage<Inventory> inventory(StoreRef store) {
      calls.incrementAndGet();
      return delegate.inventory(store);
    }

    @Override
    public CompletionStage<Container> createPhysicalCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      calls.incrementAndGet();
      return delegate.createPhysicalCopy(store, source, name, labels);
    }

    @Override
    public CompletionStage<Container> createVirtualCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      calls.incrementAndGet();
      firstCloneAsked.countDown();
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              gate.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            return delegate.createVirtualCopy(store, source, name, labels).toCompletableFuture().join();
          },
          threads);
    }

    @Override
    public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
      calls.incrementAndGet();
      return delegate.delete(store, container);
    }
  }
}
