package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static dev.goldcopy.execute.StageFixture.deleteStep;
import static dev.goldcopy.execute.StageFixture.replicaStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepGraphTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");

  /** r1 from the origin; r2 from r1; vm-1 on r2; vm-2 on the origin; vm-3 after vm-2 (a clone as a dependency). */
  private final StepGraph graph =
      StepGraph.of(
          new ReplicationPlan(
              STORE,
              List.of(
                  deleteStep(ContainerId.of("old"), "old"),
                  replicaStep("r1", "golden"),
                  replicaStep("r2", "r1", "replica-r1"),
                  cloneStep("vm-1", "r2", "replica-r2"),
                  cloneStep("vm-2", "golden", "delete-old"),
                  cloneStep("vm-3", "golden", "clone-vm-2", "no-such-step")),
              List.of()));

  private StepNode node(String key) {
    return graph.nodes().stream().filter(n -> n.key.endsWith(key)).findFirst().orElseThrow();
  }

  @Test
  void linksEachStepToItsDependentsAndCountsThemByKind() {
    assertThat(graph.replicas()).isEqualTo(2);
    assertThat(graph.clones()).isEqualTo(3);
    assertThat(graph.deletions()).isEqualTo(1);
    assertThat(node("r1").dependents()).containsExactly(node("r2"));
    assertThat(node("r2").dependents()).containsExactly(node("vm-1"));
    assertThat(node("vm-2").dependents()).containsExactly(node("vm-3"));
    assertThat(node("vm-3").pendingDeps).isEqualTo(1); // the unknown dependency is ignored
    assertThat(node("r1").pendingDeps).isZero();
  }

  @Test
  void blockingFailsEveryStepThatWaitsOnTheFailedOneDepthFirst() {
    List<String> blocked = new ArrayList<>();
    node("r1").status = Status.FAILED;

    graph.block(node("r1"), "busy", (root, n, reason) -> blocked.add(n.key + ": " + reason));

    assertThat(blocked)
        .containsExactly(
            "r2: depends on replica r1, which failed: busy",
            "vm-1: depends on replica r1, which failed: busy");
    assertThat(node("vm-1").status).isEqualTo(Status.FAILED);
    assertThat(node("vm-2").status).isEqualTo(Status.WAITING);
  }

  @Test
  void stepsThatFailedForGoodStayFailedWithWhatDependsOnThem() {
    List<String> blocked = new ArrayList<>();

    int issuable =
        graph.carryFailures(Map.of("r2", "denied", "vm-2", "denied")::get, (root, n, r) -> blocked.add(n.key));

    assertThat(issuable).isEqualTo(2); // the deletion and r1
    assertThat(blocked).containsExactly("vm-1", "vm-3");
    assertThat(node("r2").failure).isEqualTo("denied");
    assertThat(node("vm-3").failure).isEqualTo("depends on clone vm-2, which failed: denied");
  }

  @Test
  void theEmptyGraphHasNoSteps() {
    assertThat(StepGraph.EMPTY.nodes()).isEmpty();
    assertThat(StepGraph.of(new ReplicationPlan(STORE, List.of(), List.of())).clones()).isZero();
  }
}
