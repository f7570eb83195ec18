package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotHeapTest {

  @Test
  void theLeastLoadedSlotComesFirstTiesByPosition() {
    SlotHeap heap = new SlotHeap(4);
    assertThat(heap.isEmpty()).isTrue();
    heap.add(3, 0);
    heap.add(1, 1);
    heap.add(1, 2);
    heap.add(0, 3);

    assertThat(heap.peek()).isEqualTo(3);
    heap.updateTop(2);
    assertThat(heap.peek()).isEqualTo(1);
    heap.removeTop();
    assertThat(heap.peek()).isEqualTo(2);
    heap.removeTop();
    assertThat(heap.peek()).isEqualTo(3);
    heap.removeTop();
    assertThat(heap.peek()).isEqualTo(0);
    heap.removeTop();
    assertThat(heap.isEmpty()).isTrue();
  }

  @Test
  void placesAsAScanForTheMinimumWould() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(40);
      long[] load = new long[n];
      int[] cap = new int[n];
      SlotHeap heap = new SlotHeap(n);
      List<Integer> open = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        load[i] = random.nextInt(5);
        cap[i] = random.nextInt(6);
        if (cap[i] > 0) {
          heap.add(load[i], i);
          open.add(i);
        }
      }
      while (!open.isEmpty()) {
        int expected = open.get(0);
        for (int i : open) {
          if (load[i] < load[expected]) {
            expected = i;
          }
        }
        assertThat(heap.peek()).isEqualTo(expected);
        load[expected]++;
        if (--cap[expected] > 0) {
          heap.updateTop(load[expected]);
        } else {
          heap.removeTop();
          open.remove(Integer.valueOf(expected));
        }
      }
      assertThat(heap.isEmpty()).isTrue();
    }
  }
}
