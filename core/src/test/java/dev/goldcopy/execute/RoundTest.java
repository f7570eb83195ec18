package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");
  private final StepGraph graph =
      StepGraph.of(
          new ReplicationPlan(
              STORE, List.of(cloneStep("vm-1", "golden"), cloneStep("vm-2", "golden")), List.of()));
  private final ArrayView view = ArrayView.of(new Inventory(STORE, List.of()));

  @Test
  void theLimitsAreTheCallersCapsLoweredToWhatTheArrayDeclares() {
    ArrayCapabilities caps =
        ArrayCapabilities.builder().maxConcurrentPhysicalCopies(2).maxConcurrentVirtualCopies(0).build();

    Round r = Round.of(graph, view, caps, 5, 64);

    assertThat(r.physicalCap).isEqualTo(2);
    assertThat(r.virtualCap).isEqualTo(64); // 0: the array declares no limit
  }

  @Test
  void aRetriedStepGoesAheadOfTheOthers() {
    Round r = new Round(graph, view, 1, 1);
    StepNode first = graph.nodes().get(0);
    StepNode second = graph.nodes().get(1);
    assertThat(r.hasReadyWork()).isFalse();

    r.ready(first);
    r.readyFirst(second);

    assertThat(r.hasReadyWork()).isTrue();
    assertThat(r.readyClones).containsExactly(second, first);
    assertThat(r.readyReplicas).isEmpty();
  }
}
