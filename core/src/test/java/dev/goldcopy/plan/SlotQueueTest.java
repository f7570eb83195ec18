package dev.goldcopy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotQueueTest {

  @Test
  void theLeastLoadedSlotComesFirstTiesByPosition() {
    assertThat(new SlotQueue(4).isEmpty()).isTrue();
    SlotQueue queue = new SlotQueue(4);
    queue.add(3, 0);
    queue.add(1, 1);
    queue.add(1, 2);
    queue.add(0, 3);

    assertThat(queue.peek()).isEqualTo(3);
    queue.raiseTop();
    assertThat(queue.peek()).isEqualTo(1);
    queue.removeTop();
    assertThat(queue.peek()).isEqualTo(2);
    queue.removeTop();
    assertThat(queue.peek()).isEqualTo(3);
    queue.removeTop();
    assertThat(queue.peek()).isEqualTo(0);
    queue.removeTop();
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void placesAsAScanForTheMinimumWould() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(round < 100 ? 40 : 400);
      long[] load = new long[n];
      int[] cap = new int[n];
      SlotQueue queue = new SlotQueue(n);
      List<Integer> open = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        load[i] = random.nextInt(round % 3 == 0 ? 1 : round % 3 == 1 ? 5 : 50);
        cap[i] = random.nextInt(round % 2 == 0 ? 6 : 60);
        if (cap[i] > 0) {
          queue.add(load[i], i);
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
        assertThat(queue.isEmpty()).isFalse();
        assertThat(queue.peek()).isEqualTo(expected);
        load[expected]++;
        if (--cap[expected] > 0) {
          queue.raiseTop();
        } else {
          queue.removeTop();
          open.remove(Integer.valueOf(expected));
        }
      }
      assertThat(queue.isEmpty()).isTrue();
    }
  }
}
