package dev.goldcopy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ForwardingArrayAdapterTest {
  /** Answers every call with a stage that never completes, and notes what it was asked. */
  private static final class Recorder implements ArrayAdapter {
    final List<String> asked = new ArrayList<>();
    final List<CompletionStage<?>> answers = new ArrayList<>();

    private <T> CompletionStage<T> answer(String call) {
      asked.add(call);
      CompletableFuture<T> f = new CompletableFuture<>();
      answers.add(f);
      return f;
    }

    @Override
    public CompletionStage<ArrayCapabilities> capabilities(StoreRef store) {
      return answer("capabilities " + store);
    }

    @Override
    public CompletionStage<Inventory> inventory(StoreRef store) {
      return answer("inventory " + store);
    }

    @Override
    public CompletionStage<Container> createPhysicalCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      return answer("copy " + source.value() + " " + name + " " + labels.asMap());
    }

    @Override
    public CompletionStage<Container> createVirtualCopy(
        StoreRef store, ContainerId source, String name, Labels labels) {
      return answer("clone " + source.value() + " " + name + " " + labels.asMap());
    }

    @Override
    public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
      return answer("delete " + container.value());
    }
  }

  @Test
  void everyCallGoesToTheWrappedAdapterWithItsArgumentsAndItsAnswerComesBack() {
    Recorder array = new Recorder();
    ArrayAdapter forwarding = new ForwardingArrayAdapter(array);
    StoreRef store = StoreRef.of("acme", "pool-1");
    Labels labels = Labels.of("owner", "ops");

    List<CompletionStage<?>> answers = List.of(
        forwarding.capabilities(store),
        forwarding.inventory(store),
        forwarding.createPhysicalCopy(store, ContainerId.of("c-1"), "m-2", labels),
        forwarding.createVirtualCopy(store, ContainerId.of("c-2"), "vm-1", labels),
        forwarding.delete(store, ContainerId.of("c-3")));

    assertThat(array.asked).containsExactly(
        "capabilities " + store,
        "inventory " + store,
        "copy c-1 m-2 {owner=ops}",
        "clone c-2 vm-1 {owner=ops}",
        "delete c-3");
    assertThat(answers).containsExactlyElementsOf(array.answers);
  }

  @Test
  void aDecoratorOverridesOneCallAndTheRestPassThrough() {
    Recorder array = new Recorder();
    List<String> seen = new ArrayList<>();
    ArrayAdapter counted = new ForwardingArrayAdapter(array) {
      @Override
      public CompletionStage<Void> delete(StoreRef store, ContainerId container) {
        seen.add(container.value());
        return CompletableFuture.completedFuture(null); // refuses to pass deletions on
      }
    };
    StoreRef store = StoreRef.of("acme", "pool-1");

    counted.delete(store, ContainerId.of("c-9"));
    counted.inventory(store);

    assertThat(seen).containsExactly("c-9");
    assertThat(array.asked).containsExactly("inventory " + store);
  }

  @Test
  @SuppressWarnings("NullAway") // passes a null on purpose
  void nothingToWrapIsRefused() {
    assertThatThrownBy(() -> new ForwardingArrayAdapter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("delegate");
  }
}
