package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class IndexedHeapTest {

  private static final class Item extends IndexedHeap.Node {
    int key;
    final int id;

    Item(int key, int id) {
      this.key = key;
      this.id = id;
    }
  }

  private static final Comparator<Item> ORDER =
      Comparator.<Item>comparingInt(i -> i.key).thenComparingInt(i -> i.id);

  @Test
  void behavesLikeAPriorityQueueUnderAddsRemovesKeyChangesAndPolls() {
    qt().withFixedSeed(11L)
        .withExamples(300)
        .forAll(lists().of(integers().between(0, 999)).ofSizeBetween(1, 200))
        .checkAssert(
            ops -> {
              IndexedHeap<Item> heap = new IndexedHeap<>(ORDER);
              PriorityQueue<Item> reference = new PriorityQueue<>(ORDER);
              List<Item> present = new ArrayList<>();
              int ids = 0;
              for (int op : ops) {
                switch (op % 4) {
                  case 0, 1 -> {
                    Item item = new Item(op / 4, ids++);
                    heap.add(item);
                    reference.add(item);
                    present.add(item);
                  }
                  case 2 -> {
                    if (!present.isEmpty()) {
                      Item item = present.remove(op % present.size());
                      assertThat(heap.remove(item)).isTrue();
                      reference.remove(item);
                      assertThat(item.inHeap()).isFalse();
                      assertThat(heap.remove(item)).isFalse();
                    }
                  }
                  default -> {
                    if (!present.isEmpty()) {
                      Item item = present.get(op % present.size());
                      reference.remove(item);
                      item.key = (item.key * 7 + op) % 250;
                      reference.add(item);
                      heap.changed(item);
                    }
                  }
                }
                assertThat(heap.size()).isEqualTo(reference.size());
                assertThat(heap.peek()).isSameAs(reference.peek());
              }
              while (!reference.isEmpty()) {
                assertThat(heap.poll()).isSameAs(reference.poll());
              }
              assertThat(heap.isEmpty()).isTrue();
              assertThat(heap.poll()).isNull();
            });
  }

  @Test
  void anElementIsInOneHeapAtATime() {
    IndexedHeap<Item> a = new IndexedHeap<>(ORDER);
    IndexedHeap<Item> b = new IndexedHeap<>(ORDER);
    Item item = new Item(1, 1);
    a.add(item);

    assertThatThrownBy(() -> b.add(item)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.changed(item)).isInstanceOf(IllegalStateException.class);
    assertThat(b.remove(item)).isFalse();
    assertThat(a.remove(item)).isTrue();
    b.add(item);
    assertThat(b.peek()).isSameAs(item);
  }
}
