package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

class SlotHeapTest {
  private static MasterSlot slot(int index, long load) {
    return new MasterSlot("m" + index, null, index, load, 10, false, 0, new ArrayDeque<>());
  }

  @Test
  void theLeastLoadedSlotComesFirstTiesByIndex() {
    SlotHeap heap = new SlotHeap(4);
    assertThat(heap.isEmpty()).isTrue();
    MasterSlot a = slot(0, 3);
    MasterSlot b = slot(1, 1);
    MasterSlot c = slot(2, 1);
    MasterSlot d = slot(3, 0);
    heap.add(a);
    heap.add(b);
    heap.add(c);
    heap.add(d);

    assertThat(heap.peek()).isSameAs(d);
    d.load = 2;
    heap.siftTop();
    assertThat(heap.peek()).isSameAs(b);
    heap.removeTop();
    assertThat(heap.peek()).isSameAs(c);
    heap.removeTop();
    assertThat(heap.peek()).isSameAs(d);
    heap.removeTop();
    assertThat(heap.peek()).isSameAs(a);
    heap.removeTop();
    assertThat(heap.isEmpty()).isTrue();
  }
}
