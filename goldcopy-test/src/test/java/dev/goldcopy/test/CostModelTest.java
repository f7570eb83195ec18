package dev.goldcopy.test;

import static dev.goldcopy.test.GoldcopyAssertions.assertThat;

import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.plan.Shortfall;
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
    // Room for the origin, two replicas and 10 clones of 256 MiB. Charging clones nothing, a plan
    // would copy two replicas and promise 24 clones, of which the run could make 10; charged as
    // the array charges, one replica and 16 clones place the most.
    long capacity = 3 * TestStore.DEFAULT_ORIGIN_BYTES + 10 * VendorProfile.DEFAULT_CLONE_BYTES;
    TestStore store = TestStore.builder().profile(VendorProfile.DELL_ME4_LARGE_POOLS)
        .capacityBytes(capacity).build();
    ReplicationPlan plan = store.plan(100);

    Provisioning run = store.provision(100);

    assertThat(plan).makesClones(16).makesReplicas(1).isShortBy(Shortfall.Limit.CAPACITY, 84);
    assertThat(run).hasClones(16).usedCapacityAsPreviewed(plan).exceededNoLimit();
  }
}
