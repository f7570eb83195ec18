package dev.goldcopy.plan;

import static dev.goldcopy.plan.StoreModel.GOLD;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.ContainerState;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * A generated store: per-source limit, copy concurrency, a history of provisioned VMs (some since
 * removed from the demand), optional failed and copying replicas, and VMs to come.
 *
 * @param limit the per-source limit, 0 for none
 * @param provisioned VMs provisioned before the plan
 * @param removeEvery every k-th provisioned VM leaves the demand; 0 for none
 * @param toCome new VMs in the demand
 * @param extras bit 0: the history packed; bit 1: a failed replica; bit 2: a copying replica;
 *     bits 3 to 5: the copy concurrency (0 for none); bit 6: an array-wide virtual copy total;
 *     bit 7: limited free capacity, clones costing an eighth of the image
 */
record Scenario(int limit, int provisioned, int removeEvery, int toCome, int extras) {

  static Gen<Scenario> scenarios() {
    return SourceDSL.integers().between(0, 9).zip(
        SourceDSL.integers().between(0, 60),
        SourceDSL.integers().between(0, 4),
        SourceDSL.integers().between(0, 60),
        SourceDSL.integers().between(0, 255),
        Scenario::new);
  }

  int concurrency() {
    return (extras >> 3) & 7;
  }

  ArrayCapabilities capabilities() {
    ArrayCapabilities.Builder b = ArrayCapabilities.builder().maxVirtualCopiesPerSource(limit)
        .maxConcurrentPhysicalCopies(concurrency());
    if ((extras & 64) != 0) {
      b.maxVirtualCopiesTotal(provisioned / 2 + 7);
    }
    if ((extras & 128) != 0) {
      b.totalCapacityBytes(100 * StoreModel.IMAGE).freeCapacityBytes(99 * StoreModel.IMAGE)
          .freeCapacityBytes(6 * StoreModel.IMAGE + provisioned * growth());
    }
    return b.build();
  }

  /** The capacity each clone is expected to take. */
  long growth() {
    return (extras & 128) != 0 ? StoreModel.IMAGE / 8 : 0;
  }

  /** The default policy, with this scenario's clone growth. */
  PlanningPolicy policy() {
    return PlanningPolicy.builder().expectedCloneGrowthBytes(growth()).build();
  }

  /** A planner with {@link #policy()}. */
  ContainerReplicationPlanner planner() {
    return ContainerReplicationPlanner.create(policy());
  }

  /** Builds the store as its history left it. */
  StoreModel store() {
    StoreModel store = StoreModel.withOrigin(capabilities());
    PlanningPolicy history =
        policy().toBuilder()
            .placement((extras & 1) != 0 ? Placement.PACK : Placement.SPREAD).build();
    store.apply(
        ContainerReplicationPlanner.create(history).plan(store.input(Demand.of(GOLD, "vm",
            provisioned))), growth());
    if ((extras & 2) != 0) {
      store.master("gold", "gold-r999", GOLD, "gold-origin", ContainerState.FAILED);
    }
    if ((extras & 4) != 0) {
      store.master("gold", "gold-r998", GOLD, "gold-origin", ContainerState.COPYING);
    }
    return store;
  }

  /** The demand: the provisioned VMs still wanted and the new ones. */
  Demand demand() {
    Demand.Builder b = Demand.builder();
    for (int i = 1; i <= provisioned; i++) {
      if (removeEvery == 0 || i % removeEvery != 0) {
        b.add(VmId.of(String.format("vm-%05d", i)), GOLD);
      }
    }
    for (int i = 1; i <= toCome; i++) {
      b.add(VmId.of(String.format("new-%05d", i)), GOLD);
    }
    return b.build();
  }
}
