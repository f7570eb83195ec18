package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.temporal.wire.ArrayCall;
import dev.goldcopy.temporal.wire.ContainerDto;
import dev.goldcopy.temporal.wire.ObservationDto;
import dev.goldcopy.temporal.wire.StepDone;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The array activities, over the adapters of an {@link ArrayRegistry}. Stateless: any number of
 * workers may run them for any store. Each waits on the adapter's stage on its own activity thread;
 * a physical copy heartbeats while it waits, so Temporal notices a dead worker within the heartbeat
 * timeout. A cancelled run stops a copy by deleting it, which ends the wait with {@link
 * dev.goldcopy.spi.CopyAbortedException}, a failure Temporal does not retry.
 */
final class StoreActivitiesImpl implements StoreActivities {
  private final ArrayRegistry arrays;
  private final Duration heartbeatEvery;

  StoreActivitiesImpl(ArrayRegistry arrays, Duration heartbeatEvery) {
    this.arrays = requireNonNull(arrays, "arrays");
    this.heartbeatEvery = requireNonNull(heartbeatEvery, "heartbeatEvery");
  }

  @Override
  public ObservationDto observe(ArrayCall call) {
    ArrayAdapter adapter = arrays.adapter(call.arrayId());
    StoreRef store = call.storeRef();
    ArrayCapabilities caps = await(call, () -> adapter.capabilities(store));
    Inventory inventory = await(call, () -> adapter.inventory(store));
    return ObservationDto.of(caps, inventory);
  }

  @Override
  public StepDone copy(ArrayCall call) {
    ArrayAdapter adapter = arrays.adapter(call.arrayId());
    StoreRef store = call.storeRef();
    ContainerId source = ContainerId.of(requireNonNull(call.sourceId(), "sourceId"));
    Labels labels = Labels.of(call.labels());
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    CompletableFuture<Container> copy =
        start(call, () -> adapter.createPhysicalCopy(store, source, call.target(), labels));
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(call.hold());
    while (true) {
      // A worker shutdown is thrown from here: the copy is left to the workflow.
      ctx.heartbeat(call.target());
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new StepDone(null, true, attempt());
      }
      try {
        Container made = copy.get(Math.min(left, heartbeatEvery.toNanos()), TimeUnit.NANOSECONDS);
        return new StepDone(ContainerDto.of(made), false, attempt());
      } catch (TimeoutException stillCopying) {
        // heartbeat and wait again
      } catch (ExecutionException e) {
        throw failure(call, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
  }

  @Override
  public StepDone clone(ArrayCall call) {
    ArrayAdapter adapter = arrays.adapter(call.arrayId());
    StoreRef store = call.storeRef();
    ContainerId source = ContainerId.of(requireNonNull(call.sourceId(), "sourceId"));
    Labels labels = Labels.of(call.labels());
    Container made =
        await(call, () -> adapter.createVirtualCopy(store, source, call.target(), labels));
    return new StepDone(ContainerDto.of(made), false, attempt());
  }

  @Override
  public StepDone delete(ArrayCall call) {
    ArrayAdapter adapter = arrays.adapter(call.arrayId());
    StoreRef store = call.storeRef();
    ContainerId target = ContainerId.of(call.target());
    await(call, () -> adapter.delete(store, target));
    return new StepDone(null, false, attempt());
  }

  private static int attempt() {
    return Activity.getExecutionContext().getInfo().getAttempt();
  }

  private static <T> CompletableFuture<T> start(ArrayCall call, Supplier<CompletionStage<T>> op) {
    try {
      return op.get().toCompletableFuture();
    } catch (RuntimeException e) {
      throw failure(call, e);
    }
  }

  private static <T> T await(ArrayCall call, Supplier<CompletionStage<T>> op) {
    CompletableFuture<T> future = start(call, op);
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw failure(call, e);
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static ApplicationFailure failure(ArrayCall call, Throwable error) {
    return ArrayFailures.toFailure(
        error, call.retry(), attempt(), call.op() + ":" + call.tenant() + "/" + call.store() + ":"
            + call.target());
  }
}
