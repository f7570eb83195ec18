package dev.goldcopy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.GroupSizing;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README.md's sizing table is what the planner says for every built-in vendor profile. */
class ReadmeSizingTableTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final int VMS = 2000;

  @Test
  void theReadmeTableIsThePlannersAnswer() throws IOException {
    StringBuilder table =
        new StringBuilder(
            "| profile (`--profile`) | L, per source | array total | masters for 2,000 VMs |"
                + " copy rounds | VMs short |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<String, VendorProfile> entry : VendorProfile.builtIns().entrySet()) {
      table.append(row(entry.getKey(), entry.getValue())).append('\n');
    }
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains(table);
  }

  private static String row(String id, VendorProfile profile) {
    SimulatedArray array = SimulatedArray.builder().profile(profile).build();
    StoreRef store = array.addStore(TenantId.of("acme"), StoreId.of("pool-1"));
    array.createOrigin(store, "golden", IMAGE, GroupId.of("win11"), 40L << 30);
    ArrayCapabilities caps = array.await(array.capabilities(store));
    ReplicationPlan plan =
        ContainerReplicationPlanner.create(PlanningPolicy.defaults())
            .plan(
                new PlanningInput(
                    store, caps, array.await(array.inventory(store)), Demand.of(IMAGE, "vm", VMS)));
    GroupSizing sizing = plan.sizing().get(0);
    int vmsShort = plan.shortfalls().stream().mapToInt(s -> s.vms().size()).sum();
    String limits =
        plan.shortfalls().stream().map(Shortfall::limit).map(Enum::name).distinct()
            .reduce((a, b) -> a + ", " + b).map(l -> " (" + l + ")").orElse("");
    return "| " + profile.name() + " (`" + id + "`) | " + limit(caps.maxVirtualCopiesPerSource())
        + " | " + limit(caps.maxVirtualCopiesTotal()) + " | " + sizing.mastersAfter() + " | "
        + plan.summary().copyRounds() + " | " + vmsShort + limits + " |";
  }

  private static String limit(int value) {
    return ArrayCapabilities.isLimited(value) ? Integer.toString(value) : "none";
  }
}
