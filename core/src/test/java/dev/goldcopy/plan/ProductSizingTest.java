package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldcopy.spi.ArrayCapabilities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real products' replica sizing rules, reproduced through policies (figures from
 * shared/domain/array-limits.md): Azure Compute Gallery, about one replica per 20 VMs created at
 * the same time and at most 100 replicas per image version; Citrix MCS on Azure, replicas = VMs /
 * SharedImageGalleryReplicaRatio (40) capped by SharedImageGalleryReplicaMaximum (10).
 */
class ProductSizingTest {
  private static final PlanningPolicy AZURE_GALLERY =
      PlanningPolicy.builder().maxConcurrentCreationsPerSource(20).maxMastersPerGroup(100).build();
  private static final PlanningPolicy CITRIX_MCS =
      PlanningPolicy.builder().cloneRatio(40).maxMastersPerGroup(10).build();

  @ParameterizedTest(name = "{0}: {1} VMs (per-source limit {2}) -> {3} masters, {4} short")
  @CsvSource({
    "azure, 1, 0, 1, 0",
    "azure, 20, 0, 1, 0",
    "azure, 21, 0, 2, 0",
    "azure, 600, 0, 30, 0",
    "azure, 2000, 0, 100, 0",
    "azure, 5000, 0, 100, 0",
    "citrix, 1, 0, 1, 0",
    "citrix, 40, 0, 1, 0",
    "citrix, 41, 0, 2, 0",
    "citrix, 400, 0, 10, 0",
    "citrix, 1000, 0, 10, 0",
    "citrix, 1000, 100, 10, 0",
    "citrix, 1001, 100, 10, 1",
  })
  void sizesLikeTheProduct(String product, int vms, int perSource, int masters, int vmsShort) {
    PlanningPolicy policy = product.equals("azure") ? AZURE_GALLERY : CITRIX_MCS;
    StoreModel store =
        StoreModel.withOrigin(
            ArrayCapabilities.builder().maxVirtualCopiesPerSource(perSource).build());
    ReplicationPlan plan =
        ContainerReplicationPlanner.create(policy).plan(store.input(Demand.of(GOLD, "vm", vms)));

    assertThat(plan.sizing().get(0).mastersAfter()).isEqualTo(masters);
    assertThat(plan.summary().replicas()).isEqualTo(masters - 1);
    assertThat(plan.summary().vmsShort()).isEqualTo(vmsShort);
    assertThat(plan.summary().clones()).isEqualTo(vms - vmsShort);
    if (vmsShort > 0) {
      assertThat(plan.shortfalls()).singleElement()
          .satisfies(s -> assertThat(s.limit()).isEqualTo(Shortfall.Limit.REPLICA_CAP));
    }
    store.apply(plan, 0);
    assertThat(store.masters()).hasSize(masters);
  }
}
