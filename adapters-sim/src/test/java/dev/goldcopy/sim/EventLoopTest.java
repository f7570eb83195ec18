package dev.goldcopy.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {

  @Test
  void eventsRunInTimeOrderAndInSchedulingOrderAtTheSameInstant() {
    EventLoop loop = new EventLoop();
    List<String> ran = new ArrayList<>();
    loop.schedule(20, () -> ran.add("b@20"));
    loop.schedule(10, () -> ran.add("a@10"));
    loop.schedule(20, () -> ran.add("c@20"));
    loop.schedule(0, () -> loop.schedule(20, () -> ran.add("d@20, scheduled at 0 by an event")));

    loop.runUntil(100);

    assertThat(ran).containsExactly("a@10", "b@20", "c@20", "d@20, scheduled at 0 by an event");
    assertThat(loop.now()).isEqualTo(100);
  }

  @Test
  void aCancelledEventLeavesTheQueueAtOnceAndTimeDoesNotMoveToIt() {
    EventLoop loop = new EventLoop();
    List<String> ran = new ArrayList<>();
    EventLoop.Event late = loop.schedule(50, () -> ran.add("late"));
    loop.schedule(5, () -> ran.add("early"));
    for (int i = 0; i < 1000; i++) {
      loop.cancel(loop.schedule(7, () -> ran.add("cancelled")));
    }

    assertThat(loop.pending()).isEqualTo(2);
    loop.cancel(late);
    loop.cancel(late);
    assertThat(loop.pending()).isEqualTo(1);
    while (loop.step()) {
      // run everything
    }

    assertThat(ran).containsExactly("early");
    assertThat(loop.now()).isEqualTo(5);
    assertThat(loop.idle()).isTrue();
  }

  @Test
  void cancellingAnEventThatRanDoesNothing() {
    EventLoop loop = new EventLoop();
    EventLoop.Event once = loop.schedule(1, () -> {});
    loop.step();
    EventLoop.Event next = loop.schedule(1, () -> {});

    loop.cancel(once);

    assertThat(loop.pending()).isEqualTo(1);
    assertThat(loop.peek()).isSameAs(next);
  }
}
