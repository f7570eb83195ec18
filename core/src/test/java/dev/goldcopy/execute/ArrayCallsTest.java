package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayAdapter;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TransientArrayException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ArrayCallsTest {
  private final VirtualLoop loop = new VirtualLoop();
  private final FakeArray array = new FakeArray(loop, 4, 2);
  private final Container origin = array.createOrigin("golden");
  private final Mailbox mailbox = new Mailbox(Runnable::run, loop, e -> {});
  private final List<@Nullable Object> values = new ArrayList<>();
  private final List<@Nullable Throwable> errors = new ArrayList<>();

  private <T> ArrayCalls.Callback<T> record() {
    return (value, error) -> {
      values.add(value);
      errors.add(error);
    };
  }

  @Test
  void countsCallsInFlightUntilTheirAnswersAreTaken() {
    ArrayCalls calls = new ArrayCalls(array, array.store, mailbox, () -> true);

    calls.createVirtualCopy(origin.id(), "vm-1", dev.goldcopy.spi.Labels.empty(), record());
    calls.createPhysicalCopy(origin.id(), "r1", dev.goldcopy.spi.Labels.empty(), record());
    assertThat(calls.inFlight()).isEqualTo(2);
    loop.runUntilIdle();

    assertThat(calls.inFlight()).isZero();
    assertThat(values).extracting(v -> ((Container) v).name()).containsExactly("vm-1", "r1");
    assertThat(calls.failures()).isZero();
  }

  @Test
  void observesCapabilitiesAndInventoryTogether() {
    ArrayCalls calls = new ArrayCalls(array, array.store, mailbox, () -> true);

    calls.observe(record());
    calls.inventory(record());

    assertThat(values).hasSize(2);
    ArrayCalls.Observation o = (ArrayCalls.Observation) values.get(0);
    assertThat(o.inventory().containers()).containsExactly(origin);
    assertThat(o.capabilities().maxVirtualCopiesPerSource()).isEqualTo(4);
    assertThat(((Inventory) values.get(1)).containers()).containsExactly(origin);
  }

  @Test
  void aFailedCallIsCountedAndAnsweredWithItsUnwrappedError() {
    TransientArrayException lost = new TransientArrayException("lost");
    array.failNext("vm-1", lost);
    ArrayCalls calls = new ArrayCalls(array, array.store, mailbox, () -> true);

    calls.createVirtualCopy(origin.id(), "vm-1", dev.goldcopy.spi.Labels.empty(), record());

    assertThat(errors).containsExactly(lost);
    assertThat(calls.failures()).isEqualTo(1);
  }

  @Test
  void anAdapterThatThrowsOrWrapsOrAnswersNothingCountsAsAFailure() {
    TransientArrayException lost = new TransientArrayException("lost");
    ArrayCalls calls = new ArrayCalls(new OddArray(lost), array.store, mailbox, () -> true);

    calls.createVirtualCopy(origin.id(), "vm-1", dev.goldcopy.spi.Labels.empty(), record());
    calls.createPhysicalCopy(origin.id(), "r1", dev.goldcopy.spi.Labels.empty(), record());
    calls.inventory(record());
    calls.delete(origin.id(), record());

    assertThat(errors).containsExactly(lost, lost, null, null);
    // a delete answers no value by design; an inventory that is not there is a failure
    assertThat(calls.failures()).isEqualTo(3);
    assertThat(calls.inFlight()).isZero();
  }

  /** Throws instead of answering, wraps its errors, answers null. */
  private static final class OddArray implements ArrayAdapter {
    private final RuntimeException error;

    OddArray(RuntimeException error) {
      this.error = error;
    }

    @Override
    public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
      return CompletableFuture.completedFuture(ArrayCapabilities.builder().build());
    }

    @Override
    @SuppressWarnings("NullAway") // answers null on purpose
    public CompletionStage<Inventory> inventory(StoreRef store) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Container> createPhysicalCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      return CompletableFuture.failedFuture(new CompletionException(error));
    }

    @Override
    public CompletionStage<Container> createVirtualCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      throw error;
    }

    @Override
    public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
