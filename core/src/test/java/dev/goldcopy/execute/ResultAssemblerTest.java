package dev.goldcopy.execute;

import static dev.goldcopy.execute.StageFixture.cloneStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.StepNode.Status;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContainerKind;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultAssemblerTest {
  private static final StoreRef STORE = StoreRef.of("acme", "pool-1");
  private static final ExecutionTotals TOTALS =
      new ExecutionTotals(0, 1, 0, 0, 0, 2, Duration.ofSeconds(5));

  private final RunLedger ledger = new RunLedger();
  private final Demand demand = Demand.of(StageFixture.CONTENT, "vm", 6);
  private final ResultAssembler assembler = new ResultAssembler(demand, ledger);
  private final Container master =
      new Container(
          ContainerId.of("m"), "golden", ContainerKind.PHYSICAL_MASTER, StageFixture.CONTENT,
          StageFixture.GROUP, null, STORE, 10, ContainerState.READY);
  private final Container listedClone =
      new Container(
          ContainerId.of("c5"), "vm-00005", ContainerKind.VIRTUAL_COPY, StageFixture.CONTENT, null,
          master.id(), STORE, 10, ContainerState.READY);
  private final Shortfall shortfall =
      new Shortfall(StageFixture.CONTENT, Shortfall.Limit.PER_SOURCE, List.of(VmId.of("vm-00006")), "no room");

  /** vm-1 made; vm-2 failed in the last plan; vm-3 left undone; vm-4 failed in an earlier round; vm-5 listed; vm-6 short. */
  private StepGraph lastGraph() {
    StepGraph graph =
        StepGraph.of(
            new ReplicationPlan(
                STORE,
                List.of(
                    cloneStep("vm-00001", "golden"),
                    cloneStep("vm-00002", "golden"),
                    cloneStep("vm-00003", "golden")),
                List.of(shortfall)));
    graph.nodes().get(0).status = Status.DONE;
    graph.nodes().get(1).status = Status.FAILED;
    graph.nodes().get(1).failure = "denied";
    ledger.cloneMade(cloneStep("vm-00001", "golden"), ContainerId.of("c1"));
    ledger.vmFailed(VmId.of("vm-00002"), "denied", true);
    ledger.vmFailed(VmId.of("vm-00004"), "its replica failed: busy", false);
    return graph;
  }

  private final Container madeClone =
      new Container(
          ContainerId.of("c1"), "vm-00001", ContainerKind.VIRTUAL_COPY, StageFixture.CONTENT, null,
          master.id(), STORE, 10, ContainerState.READY);

  private RunEnd end(StepGraph graph, List<Shortfall> shortfalls) {
    RunEnd end = new RunEnd();
    end.graph = graph;
    end.shortfalls = shortfalls;
    end.first = new Inventory(STORE, List.of(master, listedClone));
    return end;
  }

  @Test
  void eachVmGetsTheOutcomeTheArrayAndItsHistoryShow() {
    Inventory after = new Inventory(STORE, List.of(master, listedClone, madeClone));
    ExecutionResult r = assembler.assemble(end(lastGraph(), List.of(shortfall)), after, after, TOTALS);

    assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(r.vms().get(VmId.of("vm-00001")))
        .isEqualTo(new VmOutcome.Provisioned(ContainerId.of("c1"), "golden"));
    assertThat(r.vms().get(VmId.of("vm-00002"))).isEqualTo(new VmOutcome.Failed("denied"));
    assertThat(r.vms().get(VmId.of("vm-00003"))).isInstanceOf(VmOutcome.Unfinished.class);
    assertThat(r.vms().get(VmId.of("vm-00004")))
        .isEqualTo(new VmOutcome.Unfinished("its replica failed: busy"));
    assertThat(r.vms().get(VmId.of("vm-00005")))
        .isEqualTo(new VmOutcome.AlreadyThere(ContainerId.of("c5"), "golden"));
    assertThat(r.vms().get(VmId.of("vm-00006")))
        .isEqualTo(new VmOutcome.Unmet(Shortfall.Limit.PER_SOURCE, "no room"));
    assertThat(r.undone()).extracting(UndoneStep::why).containsExactly("denied", "the run stopped");
    assertThat(r.totals()).isEqualTo(TOTALS);
  }

  @Test
  void aCloneTheRunMadeButTheArrayNoLongerHoldsIsNotProvisioned() {
    Inventory after = new Inventory(STORE, List.of(master, listedClone));
    ExecutionResult r = assembler.assemble(end(lastGraph(), List.of(shortfall)), after, after, TOTALS);

    assertThat(r.vms().get(VmId.of("vm-00001"))).isInstanceOf(VmOutcome.Unfinished.class);
  }

  @Test
  void aStoppedRunReportsHowItStoppedAndWhy() {
    RunEnd end = end(lastGraph(), List.of());
    end.stopIfRunning(Outcome.CANCELLED, "the run was cancelled", true);
    Inventory after = new Inventory(STORE, List.of(master, madeClone));
    ExecutionResult r = assembler.assemble(end, after, after, TOTALS);

    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(r.reason()).isEqualTo("the run was cancelled");
    assertThat(r.vms().get(VmId.of("vm-00003")))
        .isEqualTo(new VmOutcome.Unfinished("the run was cancelled"));
    assertThat(r.vms().get(VmId.of("vm-00005")))
        .isEqualTo(new VmOutcome.Unfinished("the run was cancelled"));
  }

  @Test
  void aPlanningRefusalNeverPromisesThatARerunHelps() {
    RunEnd end = end(StepGraph.EMPTY, List.of());
    end.stopIfRunning(Outcome.FAILED, "planning failed: bad demand", false);
    Inventory after = new Inventory(STORE, List.of(master));
    ExecutionResult r = assembler.assemble(end, after, after, TOTALS);

    assertThat(r.vms().values()).allMatch(VmOutcome.Failed.class::isInstance);
  }

  @Test
  void onlyTheStatedShortfallLeftIsShortNotPartial() {
    Demand two = Demand.of(StageFixture.CONTENT, "vm", 6);
    Shortfall rest = new Shortfall(StageFixture.CONTENT, Shortfall.Limit.PER_SOURCE,
        List.of(VmId.of("vm-00001"), VmId.of("vm-00002"), VmId.of("vm-00003"), VmId.of("vm-00004"),
            VmId.of("vm-00006")), "no room");
    Inventory after = new Inventory(STORE, List.of(master, listedClone));
    ExecutionResult r =
        new ResultAssembler(two, ledger).assemble(end(StepGraph.EMPTY, List.of(rest)), after, after, TOTALS);

    assertThat(r.outcome()).isEqualTo(Outcome.SHORT);
  }

  @Test
  void everythingDoneAndNothingShortSucceeds() {
    Demand one = Demand.of(StageFixture.CONTENT, "vm", 1);
    ledger.cloneMade(cloneStep("vm-00001", "golden"), ContainerId.of("c1"));
    Inventory after = new Inventory(STORE, List.of(master, madeClone));

    ExecutionResult r =
        new ResultAssembler(one, ledger).assemble(end(StepGraph.EMPTY, List.of()), after, after, TOTALS);

    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.undone()).isEmpty();
  }
}
