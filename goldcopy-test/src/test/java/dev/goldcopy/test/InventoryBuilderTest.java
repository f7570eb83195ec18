package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;
import static dev.goldcopy.test.GoldcopyAssertions.assertThatThrownBy;

import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hand-made store plans without a simulator, and its clones are counted by master name. */
class InventoryBuilderTest {
  private static final StoreRef STORE = new StoreRef(TenantId.of("acme"), StoreId.of("pool-1"));
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");

  @Test
  void aHandMadeStoreIsPlannedAndCountedByName() {
    Inventory inventory = InventoryBuilder.of(STORE)
        .origin("golden", IMAGE, 40L << 30)
        .replica("win11-r001")
        .clones("golden", 8)
        .clones("win11-r001", 3)
        .build();
    PlanningInput input = new PlanningInput(STORE, Capabilities.of(VendorProfile.DELL_MD3200),
        inventory, Demand.of(IMAGE, "vm", 20));

    ReplicationPlan plan = ContainerReplicationPlanner.create(PlanningPolicy.defaults()).plan(input);

    assertThat(plan).makesReplicas(1).makesClones(9).hasNoShortfall().deletesNothing()
        .placesPerMaster(Map.of("win11-r001", 5, "win11-r002", 4)).staysWithinLimits(input)
        .hasNoMasterAbove(8, inventory);
    assertThat(plan.clonesPerMaster(inventory))
        .containsExactlyInAnyOrderEntriesOf(Map.of("golden", 8, "win11-r001", 8, "win11-r002", 4));
  }

  @Test
  void theBuilderRefusesWhatAnInventoryCannotHold() {
    InventoryBuilder b = InventoryBuilder.of(STORE);
    assertThatThrownBy(() -> b.replica("r")).isInstanceOf(IllegalStateException.class);
    b.origin("golden", IMAGE, 1L << 30);
    assertThatThrownBy(() -> b.clones("nowhere", 1)).hasMessageContaining("nowhere");
    assertThatThrownBy(() -> b.replica("golden")).hasMessageContaining("taken");
  }
}
