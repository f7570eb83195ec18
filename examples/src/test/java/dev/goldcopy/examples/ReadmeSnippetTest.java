package dev.goldcopy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.execute.ExecutionResult;
import dev.goldcopy.execute.Outcome;
import dev.goldcopy.execute.ReplicationExecutor;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps README.md's first snippet compiling, running, and the same as here. */
class ReadmeSnippetTest {

  @Test
  void theFirstSnippetRuns() {
    // README:BEGIN
    SimulatedArray array = SimulatedArray.builder().profile(VendorProfile.DELL_MD3200).build();
    StoreRef store = array.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    ContentId image = ContentId.of("win11", "2026.11");
    array.createOrigin(store, "win11-golden", image, GroupId.of("win11"), 40L << 30);
    Demand demand = Demand.of(image, "vm", 100); // vm-00001 .. vm-00100

    // Plan: pure, nothing touches the array. MD3200 allows 8 clones per LUN: 13 masters.
    ContainerReplicationPlanner planner = ContainerReplicationPlanner.create(PlanningPolicy.defaults());
    ReplicationPlan plan = planner.plan(new PlanningInput(store,
        array.await(array.capabilities(store)), array.await(array.inventory(store)), demand));
    System.out.println(plan.explain());

    // Execute: on the simulator, one thread and virtual time; on a real array, the defaults.
    ReplicationExecutor executor = ReplicationExecutor.builder(array)
        .planner(planner).executor(Runnable::run).scheduler(array::schedule).clock(array.clock())
        .build();
    ExecutionResult result = array.await(executor.start(store, demand).result());
    System.out.println(result.outcome() + " in " + result.totals().elapsed() + " simulated");
    // README:END

    assertThat(plan.summary().replicas()).isEqualTo(12);
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.vms()).hasSize(100);
  }

  @Test
  void theReadmeShowsThisSnippet() throws IOException {
    Path source = Path.of("src/test/java/dev/goldcopy/examples/ReadmeSnippetTest.java");
    String here = Files.readString(source, StandardCharsets.UTF_8);
    String snippet =
        here.substring(here.indexOf("// README:BEGIN\n") + 16, here.indexOf("    // README:END"))
            .lines()
            .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("```java\n" + snippet + "\n```");
  }
}
