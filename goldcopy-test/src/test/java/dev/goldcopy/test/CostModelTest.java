package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.sim.VendorProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One cost model: on every vendor profile, the plan's capacity preview is what the run leaves. */
class CostModelTest {

  @Test
  void thePreviewMatchesTheRunOnEveryProfile() {
    for (Map.Entry<String, VendorProfile> e : VendorProfile.builtIns().entrySet()) {
      TestStore store = TestStore.builder().profile(e.getValue()).seed(3).build();
      ReplicationPlan plan = store.plan(100);

      Provisioning run = store.provision(100);

      assertThat(run).as(e.getKey()).succeeded().hasClones(plan.cloneSteps().size())
          .usedCapacityAsPreviewed(plan).exceededNoLimit();
      assertThat(plan.capacity().reservedBytes()).as(e.getKey())
          .isEqualTo(plan.replicaSteps().size() * TestStore.DEFAULT_ORIGIN_BYTES
              + plan.cloneSteps().size() * e.getValue().cloneBytes());
    }
  }

  @Test
  void aStoreThatFitsOnlySomeClonesIsPlannedAsTheArrayCharges() {
    // Room for the origin, two replicas and 40 clones of 256 MiB; nothing more.
    long capacity = 3 * TestStore.DEFAULT_ORIGIN_BYTES + 40 * VendorProfile.DEFAULT_CLONE_BYTES;
    TestStore store = TestStore.builder().profile(VendorProfile.DELL_ME4_LARGE_POOLS)
        .capacityBytes(capacity).build();
    ReplicationPlan plan = store.plan(100);

    Provisioning run = store.provision(100);

    assertThat(plan).makesClones(24).makesReplicas(2);
    assertThat(run).hasClones(24).usedCapacityAsPreviewed(plan).exceededNoLimit();
  }
}
