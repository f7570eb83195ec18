package dev.goldcopy.fleet;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.Ownership;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerState;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Places a fleet's VMs across several stores. Pure and deterministic: the same stores, demand
 * and constraints give the same plan.
 *
 * <p>Fewest copies first: a VM whose clone is already in an allowed store on its image version
 * stays; the others go to masters with room (no copy), and only when no allowed store has room
 * does a store get a new replica: the one whose replica serves the most VMs (the highest per-
 * master clone count), then the smaller image, so each copy is filled before another is made.
 * Then spread: among stores with room, the least filled for its weight. Every store's per-source
 * limit, master cap, free capacity and array totals hold; a VM's allowed and forbidden stores and
 * its anti-affinity group (two members never share a store) are honoured. A store serves only the
 * image versions it holds a master of. Each store's share is a {@link Demand} that its store
 * planner and executor carry out with the same policy.
 */
public final class FleetPlanner {
  private static final Comparator<StoreBudget> SPREAD =
      Comparator.comparingDouble(StoreBudget::fill).thenComparingInt(b -> b.index);
  private final PlanningPolicy policy;

  private FleetPlanner(PlanningPolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns a fleet planner for stores whose planners follow {@code policy}.
   *
   * @param policy the store planners' policy
   * @return the planner
   */
  public static FleetPlanner create(PlanningPolicy policy) {
    return new FleetPlanner(requireNonNull(policy, "policy"));
  }

  /**
   * Plans where every VM of {@code demand} goes.
   *
   * @param stores the stores, each at most once
   * @param demand the fleet's VMs
   * @param constraints the caller's constraints
   * @return the plan
   * @throws IllegalArgumentException if a store is listed twice
   */
  public FleetPlan plan(List<FleetStore> stores, Demand demand, FleetConstraints constraints) {
    List<StoreBudget> budgets = new ArrayList<>();
    Map<StoreRef, StoreBudget> byRef = new HashMap<>();
    for (FleetStore s : stores) {
      StoreBudget b = new StoreBudget(s, budgets.size(), policy);
      if (byRef.put(s.store(), b) != null) {
        throw new IllegalArgumentException("stores: " + s.store() + " is listed twice");
      }
      budgets.add(b);
    }
    Placing p = new Placing(budgets, constraints);
    keepExisting(p, demand, byRef);
    Map<ContentId, List<VmId>> free = new LinkedHashMap<>();
    demand.vms().forEach((vm, c) -> {
      if (!p.chosen.containsKey(vm)) {
        if (constraints.constrains(vm)) {
          p.placeOne(vm, c);
        } else {
          free.computeIfAbsent(c, k -> new ArrayList<>()).add(vm);
        }
      }
    });
    free.forEach((c, vms) -> p.placeMany(c, vms));
    return assemble(p, demand, budgets);
  }

  /** Pass 0: every VM whose clone is in an allowed store on its version stays there. */
  private void keepExisting(Placing p, Demand demand, Map<StoreRef, StoreBudget> byRef) {
    for (StoreBudget b : p.budgets) {
      for (Container c : b.fleetStore.inventory().containers()) {
        if (c.isMaster() || c.state() == ContainerState.FAILED) {
          continue;
        }
        VmId vm = VmId.of(c.labels().get(Ownership.VM).orElse(c.name()));
        ContentId wanted = demand.vms().get(vm);
        if (wanted != null && wanted.equals(c.content()) && !p.chosen.containsKey(vm)
            && p.eligible(vm, b) && b.groups.containsKey(wanted)) {
          p.record(vm, b, FleetPlacement.Why.ALREADY_THERE);
          b.placed++;
        }
      }
    }
    requireNonNull(byRef, "byRef");
  }

  private static FleetPlan assemble(Placing p, Demand demand, List<StoreBudget> budgets) {
    List<Map<VmId, ContentId>> perStore = new ArrayList<>();
    long[][] counts = new long[budgets.size()][3];
    for (int i = 0; i < budgets.size(); i++) {
      perStore.add(new LinkedHashMap<>());
    }
    List<FleetPlacement> placements = new ArrayList<>();
    demand.vms().forEach((vm, c) -> {
      FleetPlacement placed = p.chosen.get(vm);
      if (placed != null) {
        int i = requireNonNull(p.indexOf.get(placed.store()), "store");
        perStore.get(i).put(vm, c);
        counts[i][placed.why().ordinal()]++;
        placements.add(placed);
      }
    });
    List<StoreShare> shares = new ArrayList<>();
    for (StoreBudget b : budgets) {
      Map<VmId, ContentId> vms = perStore.get(b.index);
      ImmutableSet.Builder<VmId> recreatable = ImmutableSet.builder();
      ImmutableSet.Builder<VmId> recompose = ImmutableSet.builder();
      for (VmId vm : vms.keySet()) {
        if (demand.recreatable().contains(vm)) {
          recreatable.add(vm);
        }
        if (demand.recompose().contains(vm)) {
          recompose.add(vm);
        }
      }
      long replicas = 0;
      long bytes = 0;
      for (StoreBudget.Group g : b.groups.values()) {
        replicas += g.newReplicas;
        bytes += g.newReplicas * g.image;
      }
      Demand d = new Demand(ImmutableSortedMap.copyOfSorted(new java.util.TreeMap<>(vms)),
          recreatable.build(), recompose.build());
      long[] n = counts[b.index];
      shares.add(new StoreShare(b.fleetStore.store(), d, n[0], n[1], n[2], replicas, bytes));
    }
    return new FleetPlan(shares, placements, p.unplaced);
  }

  /** The state of one planning run: the choices so far and the spread's ordering. */
  private static final class Placing {
    final List<StoreBudget> budgets;
    final FleetConstraints constraints;
    final Map<VmId, FleetPlacement> chosen = new HashMap<>();
    final Map<StoreRef, Integer> indexOf = new HashMap<>();
    final List<Unplaced> unplaced = new ArrayList<>();

    Placing(List<StoreBudget> budgets, FleetConstraints constraints) {
      this.budgets = budgets;
      this.constraints = constraints;
      budgets.forEach(b -> indexOf.put(b.fleetStore.store(), b.index));
    }

    boolean eligible(VmId vm, StoreBudget b) {
      StoreRef ref = b.fleetStore.store();
      ImmutableSet<StoreRef> allowed = constraints.allowed().get(vm);
      ImmutableSet<StoreRef> forbidden = constraints.forbidden().get(vm);
      String group = constraints.antiAffinity().get(vm);
      return (allowed == null || allowed.contains(ref))
          && (forbidden == null || !forbidden.contains(ref))
          && (group == null || b.affinityCount.getOrDefault(group, 0) == 0);
    }

    void record(VmId vm, StoreBudget b, FleetPlacement.Why why) {
      chosen.put(vm, new FleetPlacement(vm, b.fleetStore.store(), why));
      String group = constraints.antiAffinity().get(vm);
      if (group != null) {
        b.affinityCount.merge(group, 1, Integer::sum);
      }
    }

    /** One constrained VM: the least filled eligible store with room, else the best replica. */
    void placeOne(VmId vm, ContentId c) {
      StoreBudget best = null;
      for (StoreBudget b : budgets) {
        if (eligible(vm, b) && b.canTakeClone(c) && (best == null || SPREAD.compare(b, best) < 0)) {
          best = b;
        }
      }
      FleetPlacement.Why why = FleetPlacement.Why.FREE_SLOT;
      if (best == null) {
        best = replicaStore(vm, c);
        why = FleetPlacement.Why.NEW_REPLICA;
        if (best == null) {
          unplaced.add(new Unplaced(vm, reason(vm, c)));
          return;
        }
        best.addReplica(c);
      }
      best.takeClone(c);
      record(vm, best, why);
    }

    /** Unconstrained VMs of one version: free slots by spread, then replicas by yield. */
    void placeMany(ContentId c, List<VmId> vms) {
      TreeSet<StoreBudget> room = new TreeSet<>(SPREAD);
      for (StoreBudget b : budgets) {
        if (b.canTakeClone(c)) {
          room.add(b);
        }
      }
      for (int i = 0; i < vms.size(); i++) {
        VmId vm = vms.get(i);
        FleetPlacement.Why why = FleetPlacement.Why.FREE_SLOT;
        StoreBudget b = room.pollFirst();
        if (b == null) {
          b = replicaStore(vm, c);
          if (b == null) {
            String why0 = reason(vm, c);
            vms.subList(i, vms.size()).forEach(v -> unplaced.add(new Unplaced(v, why0)));
            return;
          }
          b.addReplica(c);
          why = FleetPlacement.Why.NEW_REPLICA;
        }
        b.takeClone(c);
        record(vm, b, why);
        if (b.canTakeClone(c)) {
          room.add(b);
        }
      }
    }

    /** The eligible store whose new replica serves the most VMs, then the smaller image. */
    @Nullable StoreBudget replicaStore(VmId vm, ContentId c) {
      StoreBudget best = null;
      for (StoreBudget b : budgets) {
        if (!eligible(vm, b) || !b.refusesReplica(c).isEmpty()) {
          continue;
        }
        if (best == null || better(b, best, c)) {
          best = b;
        }
      }
      return best;
    }

    private static boolean better(StoreBudget a, StoreBudget b, ContentId c) {
      if (a.perMaster != b.perMaster) {
        return a.perMaster > b.perMaster;
      }
      long ia = requireNonNull(a.groups.get(c)).image;
      long ib = requireNonNull(b.groups.get(c)).image;
      return ia != ib ? ia < ib : SPREAD.compare(a, b) < 0;
    }

    private String reason(VmId vm, ContentId c) {
      List<String> limits = new ArrayList<>();
      boolean holds = false;
      boolean anyEligible = false;
      for (StoreBudget b : budgets) {
        holds |= b.groups.containsKey(c);
        if (b.groups.containsKey(c) && eligible(vm, b)) {
          anyEligible = true;
          if (limits.size() < 3) {
            limits.add(b.fleetStore.store() + " " + b.refusesReplica(c));
          }
        }
      }
      if (!holds) {
        return "no store holds a master of " + c;
      }
      if (!anyEligible) {
        return constraints.antiAffinity().containsKey(vm)
            ? "its allowed stores or its anti-affinity group leave no store that holds " + c
            : "its allowed and forbidden stores leave no store that holds " + c;
      }
      return "every eligible store is at a limit (" + String.join(", ", limits)
          + (limits.size() == 3 ? ", ..." : "") + ")";
    }
  }
}
