package dev.goldcopy.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.goldcopy.plan.Adoption;
import dev.goldcopy.plan.ContainerReplicationPlanner;
import dev.goldcopy.plan.DeletionApproval;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.OwnerId;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.sim.CallRecord;
import dev.goldcopy.sim.FaultPlan;
import dev.goldcopy.sim.SimulatedArray;
import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.Labels;
import dev.goldcopy.spi.StoreId;
import dev.goldcopy.spi.StoreRef;
import dev.goldcopy.spi.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated stores that Goldcopy shares: another owner's clones and replicas of the same image,
 * an administrator's unlabelled snapshots of the origin, a hand-made volume holding a VM's name,
 * another team's image with its clone, and unlabelled clones the policy adopts on purpose. Each
 * store then goes through several runs (scale up, change, scale to nothing with every deletion
 * approved) with faults on. No run deletes, replaces or clones from a container Goldcopy does not
 * own; the adopted ones are Goldcopy's to manage. The seed of a failing store is in the message.
 */
class ForeignContainersPropertyTest {
  private static final ContentId IMAGE = ContentId.of("win11", "2026.11");
  private static final ContentId OTHER = ContentId.of("ubuntu", "24.04");
  private static final List<VendorProfile> PROFILES =
      List.of(
          VendorProfile.DELL_MD3200,
          VendorProfile.DELL_ME4_LARGE_POOLS,
          VendorProfile.DELL_PS,
          VendorProfile.HPE_3PAR);

  @Test
  void noRunEverDeletesChangesOrClonesFromWhatItDoesNotOwn() {
    qt().withExamples(60).withFixedSeed(20261130L).forAll(longs().all()).checkAssert(this::check);
  }

  private void check(long seed) {
    World w = new World(seed);
    Random r = new Random(seed);
    List<Demand> runs =
        List.of(demand(r, 1 + r.nextInt(50)), demand(r, r.nextInt(70)), Demand.none());
    for (Demand demand : runs) {
      DeletionApproval approval =
          demand.size() == 0 || r.nextBoolean() ? DeletionApproval.all() : DeletionApproval.none();
      w.sim.await(w.ours().start(w.store, demand, approval).result());
      w.sim.runUntilIdle();
      w.assertForeignUntouched("seed " + seed + ", after a run of " + demand.size() + " VMs");
    }
  }

  private static Demand demand(Random r, int vms) {
    Demand.Builder b = Demand.builder();
    for (int i = 1; i <= vms; i++) {
      VmId vm = VmId.of(String.format("vm-%05d", i));
      if (r.nextBoolean()) {
        b.addRecreatable(vm, IMAGE);
      } else {
        b.add(vm, IMAGE);
      }
    }
    return b.build();
  }

  /** One generated store and everything in it that Goldcopy's owner does not own. */
  private static final class World {
    final SimulatedArray sim;
    final StoreRef store;
    final Map<ContainerId, Container> foreign = new HashMap<>();
    final Set<ContainerId> adopted = new HashSet<>();
    /** The calls made while the world was set up, by team B and by hand. */
    final int setupCalls;

    World(long seed) {
      Random r = new Random(seed);
      sim =
          SimulatedArray.builder()
              .profile(PROFILES.get(r.nextInt(PROFILES.size())))
              .seed(seed)
              .recordCalls(true)
              .build();
      store = sim.addStore(TenantId.of("acme"), StoreId.of("shared-pool"));
      Container origin = sim.createOrigin(store, "win11-golden", IMAGE, GroupId.of("win11"), 1L << 30);
      // An administrator's snapshots of the origin, and a volume made by hand under a VM's name.
      int snapshots = r.nextInt(3);
      for (int i = 0; i < snapshots; i++) {
        sim.await(sim.createVirtualCopy(store, origin.id(), "admin-backup-" + i, Labels.empty()));
      }
      if (r.nextBoolean()) {
        sim.await(sim.createVirtualCopy(
            store, origin.id(), String.format("vm-%05d", 1 + r.nextInt(40)), Labels.of("team", "qa")));
      }
      // Another team's image, with a clone of its own.
      Container ubuntu = sim.createOrigin(store, "ubuntu-golden", OTHER, GroupId.of("ubuntu"), 1L << 29);
      sim.await(sim.createVirtualCopy(store, ubuntu.id(), "ubuntu-dev", Labels.empty()));
      // Unlabelled clones named after VMs, adopted on purpose.
      int adopt = r.nextInt(3);
      for (int i = 0; i < adopt; i++) {
        String name = String.format("vm-%05d", 41 + i);
        adopted.add(sim.await(sim.createVirtualCopy(store, origin.id(), name, Labels.empty())).id());
      }
      // Another owner provisions its own VMs from the same image in the same store.
      PlanningPolicy teamB = PlanningPolicy.builder().owner(OwnerId.of("team-b")).build();
      sim.await(executor(teamB).start(store, Demand.of(IMAGE, "b", r.nextInt(20))).result());
      for (Container c : sim.await(sim.inventory(store)).containers()) {
        if (!c.isOrigin() && !adopted.contains(c.id())) {
          foreign.put(c.id(), c);
        }
      }
      foreign.put(ubuntu.id(), ubuntu);
      sim.setFaults(FaultPlan.builder().transientBusyRate(0.05).lostResponseRate(0.05).build());
      setupCalls = sim.records().calls().size();
    }

    ReplicationExecutor ours() {
      return executor(PlanningPolicy.builder().adoption(Adoption.containers(adopted)).build());
    }

    ReplicationExecutor executor(PlanningPolicy policy) {
      return ReplicationExecutor.builder(sim)
          .planner(ContainerReplicationPlanner.create(policy))
          .executor(Runnable::run)
          .scheduler(sim::schedule)
          .clock(sim.clock())
          .retryPolicy(
              RetryPolicy.builder()
                  .maxAttempts(12)
                  .initialBackoff(Duration.ofSeconds(1))
                  .maxBackoff(Duration.ofSeconds(20))
                  .seed(3)
                  .build())
          .build();
    }

    void assertForeignUntouched(String when) {
      Map<ContainerId, Container> now = new HashMap<>();
      sim.await(sim.inventory(store)).containers().forEach(c -> now.put(c.id(), c));
      for (Container c : foreign.values()) {
        assertThat(now.get(c.id())).as(when + ": " + c.name()).isEqualTo(c);
      }
      List<CallRecord> calls = sim.records().calls();
      for (CallRecord call : calls.subList(setupCalls, calls.size())) {
        ContainerId subject = call.subject();
        // Our runs neither delete a foreign container nor copy or clone from one.
        assertThat(subject != null && foreign.containsKey(subject))
            .as(when + ": " + call.operation() + " on " + (subject == null ? "" : foreign.get(subject)))
            .isFalse();
      }
    }
  }
}
