package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.replicaStep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldcopy.spi.ContainerId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CopyQueueTest {
  private static final ContainerId ORIGIN = ContainerId.of("origin");
  private static final ContainerId R1 = ContainerId.of("r1");
  private static final ContainerId R2 = ContainerId.of("r2");

  private static StepNode copy(String name, ContainerId source) {
    return new StepNode(replicaStep(name, source.value()));
  }

  /** Takes copies while the queue hands them out, noting each as started. */
  private static List<String> drain(CopyQueue q, List<StepNode> started) {
    List<String> names = new ArrayList<>();
    for (@Nullable StepNode n = q.poll(); n != null; n = q.poll()) {
      names.add(n.key);
      started.add(n);
      q.started(ContainerId.of(((dev.goldcopy.plan.CreateReplica) n.step).sourceName()));
    }
    return names;
  }

  /** Takes the next copy, which must be there. */
  private static StepNode next(CopyQueue q) {
    StepNode n = q.poll();
    assertThat(n).isNotNull();
    return java.util.Objects.requireNonNull(n);
  }

  @Test
  void startsNoMoreCopiesOfASourceThanItFeeds() {
    CopyQueue q = new CopyQueue(2);
    for (int i = 1; i <= 5; i++) {
      q.add(copy("a" + i, ORIGIN), ORIGIN, false);
    }
    List<StepNode> started = new ArrayList<>();

    assertThat(drain(q, started)).containsExactly("a1", "a2");
    assertThat(q.reading(ORIGIN)).isEqualTo(2);
    assertThat(q.queued()).isEqualTo(3);

    q.ended(ORIGIN);
    assertThat(drain(q, started)).containsExactly("a3");
    assertThat(q.reading(ORIGIN)).isEqualTo(2);
  }

  @Test
  void theSourceTheFewestCopiesReadGoesFirstThenTheCopyQueuedFirst() {
    CopyQueue q = new CopyQueue(Integer.MAX_VALUE);
    q.add(copy("o1", ORIGIN), ORIGIN, false);
    q.add(copy("o2", ORIGIN), ORIGIN, false);
    q.add(copy("o3", ORIGIN), ORIGIN, false);
    q.add(copy("x1", R1), R1, false);
    q.add(copy("y1", R2), R2, false);
    q.add(copy("x2", R1), R1, false);
    q.started(ORIGIN);

    List<String> order = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      StepNode n = next(q);
      order.add(n.key);
      q.started(ContainerId.of(((dev.goldcopy.plan.CreateReplica) n.step).sourceName()));
    }

    // r1 and r2 are read by none, the origin by one: r1's first copy was queued before r2's.
    assertThat(order).containsExactly("x1", "y1", "o1", "x2", "o2", "o3");
    assertThat(q.poll()).isNull();
  }

  @Test
  void aRetryGoesAheadOfTheCopiesQueuedBeforeIt() {
    CopyQueue q = new CopyQueue(1);
    q.add(copy("x1", R1), R1, false);
    q.add(copy("o1", ORIGIN), ORIGIN, false);
    q.add(copy("o2", ORIGIN), ORIGIN, true);

    assertThat(next(q).key).isEqualTo("o2");
  }

  @Test
  void aCopyReadingASourceFromElsewhereCountsAgainstIt() {
    CopyQueue q = new CopyQueue(1);
    q.started(ORIGIN);
    q.add(copy("o1", ORIGIN), ORIGIN, false);

    assertThat(q.poll()).isNull();
    q.ended(ORIGIN);
    assertThat(next(q).key).isEqualTo("o1");
    assertThat(q.queued()).isZero();
  }

  @Test
  void anEndWithoutAStartChangesNothing() {
    CopyQueue q = new CopyQueue(1);
    q.ended(ORIGIN);
    q.add(copy("o1", ORIGIN), ORIGIN, false);
    q.started(ORIGIN);
    q.ended(R1);

    assertThat(q.reading(ORIGIN)).isEqualTo(1);
    assertThat(q.poll()).isNull();
  }

  @Test
  void refusesASourceThatFeedsNothing() {
    assertThatThrownBy(() -> new CopyQueue(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feeds must be positive: 0");
  }
}
