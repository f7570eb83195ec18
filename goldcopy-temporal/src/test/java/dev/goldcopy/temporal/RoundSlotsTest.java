package dev.goldcopy.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.temporal.StepNode.Status;
import dev.goldcopy.temporal.wire.StepDto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order a round issues its ready steps in, without a workflow around it. */
class RoundSlotsTest {
  private static StepNode step(StepDto.Kind kind, String name, String source) {
    StepDto s = new StepDto(kind, kind + ":" + name, name, List.of(), "test", source,
        kind == StepDto.Kind.CLONE ? name : null, "win11", "win11", "1", 1L << 30, 1, null, null);
    StepNode n = new StepNode(s, false);
    n.sourceId = source;
    n.status = Status.READY;
    return n;
  }

  private static List<String> pump(RoundSlots slots, ArrayDeque<StepNode> ready) {
    List<String> issued = new ArrayList<>();
    slots.pump(ready, n -> {
      n.status = Status.RUNNING;
      slots.issued(n);
      issued.add(n.step.name());
    }, () -> false);
    return issued;
  }

  @Test
  void copiesSpreadOverTheSourcesAndNoSourceFeedsMoreThanItCan() {
    RoundSlots slots = new RoundSlots(4, 8, 1, true);
    ArrayDeque<StepNode> ready = new ArrayDeque<>(List.of(
        step(StepDto.Kind.REPLICA, "r1", "origin"),
        step(StepDto.Kind.REPLICA, "r2", "origin"),
        step(StepDto.Kind.CLONE, "vm-1", "origin"),
        step(StepDto.Kind.REPLICA, "r3", "m1"),
        step(StepDto.Kind.REPLICA, "r4", "m1"),
        step(StepDto.Kind.REPLICA, "r5", "m2")));

    // clones first in the round's order, then one copy per source: each feeds one at full rate
    assertThat(pump(slots, ready)).containsExactly("vm-1", "r1", "r3", "r5");
    assertThat(ready).extracting(n -> n.step.name()).containsExactly("r2", "r4");
    assertThat(slots.inFlight()).isEqualTo(4);
  }

  @Test
  void aCopyEndingFreesItsSourceButAPolledCopyKeepsReadingIt() {
    RoundSlots slots = new RoundSlots(4, 8, 1, true);
    StepNode r1 = step(StepDto.Kind.REPLICA, "r1", "origin");
    StepNode r2 = step(StepDto.Kind.REPLICA, "r2", "origin");
    ArrayDeque<StepNode> ready = new ArrayDeque<>(List.of(r1, r2));
    assertThat(pump(slots, ready)).containsExactly("r1");

    // r1's call comes back still copying: polled, it reads the origin still, r2 waits
    slots.answered(r1, true);
    r1.status = Status.READY;
    ready.addFirst(r1);
    assertThat(pump(slots, ready)).containsExactly("r1");
    assertThat(ready).containsExactly(r2);

    // r1 is made: the origin is free for r2
    slots.answered(r1, false);
    assertThat(pump(slots, ready)).containsExactly("r2");
  }

  @Test
  void theCopiesCapHoldsWhateverTheSources() {
    RoundSlots slots = new RoundSlots(2, 8, Integer.MAX_VALUE, true);
    ArrayDeque<StepNode> ready = new ArrayDeque<>(List.of(
        step(StepDto.Kind.REPLICA, "r1", "origin"),
        step(StepDto.Kind.REPLICA, "r2", "m1"),
        step(StepDto.Kind.REPLICA, "r3", "origin")));

    // the least-read source first: r2 reads m1, which no copy reads yet, before r3
    assertThat(pump(slots, ready)).containsExactly("r1", "r2");
  }

  @Test
  void withoutTheRuleAHistoryWrittenBeforeItGetsThePlainOrder() {
    RoundSlots slots = new RoundSlots(4, 8, 1, false);
    ArrayDeque<StepNode> ready = new ArrayDeque<>(List.of(
        step(StepDto.Kind.REPLICA, "r1", "origin"),
        step(StepDto.Kind.REPLICA, "r2", "origin"),
        step(StepDto.Kind.CLONE, "vm-1", "origin")));

    assertThat(pump(slots, ready)).containsExactly("r1", "r2", "vm-1");
  }
}
