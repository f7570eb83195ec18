package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.goldcopy.plan.PlanningPolicy;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans a rolling update of one store from image version A to B: which VMs move in which batch,
 * so that at every instant at most {@link RollBounds#maxDown()} VMs are down and the two groups
 * together stay within the extra masters and bytes the caller allows, the free capacity and the
 * array's totals. Pure and deterministic: the same request gives the same plan.
 *
 * <p>Which VMs move: every VM whose disk is on A and that may be recreated (non-persistent, or
 * persistent and listed to recompose); VMs of the demand with no disk go first and are made on
 * B. Persistent VMs the caller did not list stay on A, and A keeps the masters they need. The
 * order empties A's replicas one by one, highest ordinal first (the order the store planner
 * retires them in), so each batch frees the masters the next one may use; a batch is as large as
 * the bounds allow at its peak, which counts B's new replicas before A's retirements.
 *
 * <p>Each batch is a {@link dev.goldcopy.plan.Demand} (see {@link RollPlan#demandAfter(int)}): the
 * store planner and executor carry it out and never exceed the array's limits; a new clone waits
 * for its VM's old clone to be deleted, so the clones never outnumber the start's. A rollback is
 * the same plan from B to A ({@link RollRequest#rollback}); a roll stopped by a failure resumes by
 * planning again from the store's state ({@link RollRequest#resume}).
 */
public final class RollPlanner {
  private static final Pattern ORDINAL = Pattern.compile("-r(\\d{1,9})$");
  private final PlanningPolicy policy;

  private RollPlanner(PlanningPolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns a roll planner that sizes groups as the store planner with {@code policy} does.
   *
   * @param policy the policy the executor's planner uses
   * @return the planner
   */
  public static RollPlanner create(PlanningPolicy policy) {
    return new RollPlanner(requireNonNull(policy, "policy"));
  }

  /**
   * Plans the roll.
   *
   * @param request the store's state and the roll
   * @return the plan
   * @throws IllegalArgumentException if the store holds no ready or copying master of the target
   *     version
   */
  public RollPlan plan(RollRequest request) {
    StoreReading store = new StoreReading(request.inventory());
    List<Container> fromMasters = store.masters(request.from());
    List<Container> toMasters = store.masters(request.to());
    if (toMasters.isEmpty()) {
      throw new IllegalArgumentException(
          "to: the store holds no master of " + request.to() + "; make its origin first");
    }
    Sorting s = sort(request, store);
    RollState state = new RollState(policy, request.capabilities(), request.bounds(),
        counts(store, fromMasters, toMasters, s));
    List<VmId> order = new ArrayList<>(s.missing);
    s.byMaster.values().forEach(order::addAll);
    List<RollBatch> batches = new ArrayList<>();
    Footprint peak = state.start;
    Duration expected = Duration.ZERO;
    int pos = 0;
    String blockedReason = "";
    while (pos < order.size()) {
      int missingLeft = Math.max(0, s.missing.size() - pos);
      int b = largestBatch(state, request.bounds().maxDown(), order.size() - pos, missingLeft);
      if (b == 0) {
        state.peakOf(1, pos < s.missing.size() ? 1 : 0);
        blockedReason = state.refusal;
        break;
      }
      RollBatch batch =
          move(request, state, store, order.subList(pos, pos + b), pos, missingLeft, batches.size());
      batches.add(batch);
      peak = peak.max(batch.peak());
      expected = expected.plus(batch.expected());
      pos += b;
    }
    ReleasedVersions kept = ReleasedVersions.of(request, store, policy);
    return new RollPlan(request.store(), request.from(), request.to(), request.demand(),
        ImmutableMap.copyOf(s.current), ImmutableSet.copyOf(s.absent), order.subList(0, pos),
        batches, state.start, peak, s.staying, order.subList(pos, order.size()), blockedReason,
        kept.kept(), kept.released(), expected);
  }

  /** The largest batch of at most {@code max} VMs the bounds allow now; 0 if none. */
  private static int largestBatch(RollState state, int max, int remaining, int missingLeft) {
    int lo = 0;
    int hi = Math.min(max, remaining);
    while (lo < hi) {
      int mid = lo + (hi - lo + 1) / 2;
      if (state.peakOf(mid, Math.max(0, Math.min(missingLeft, mid))) != null) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static RollBatch move(RollRequest request, RollState state, StoreReading store,
      List<VmId> vms, int pos, int missingLeft, int index) {
    int b = vms.size();
    long missing = Math.min(missingLeft, b);
    Footprint peak = requireNonNull(state.peakOf(b, missing), "peak");
    for (VmId vm : vms) {
      Container clone = store.cloneOf.get(vm);
      ContainerId source = clone == null ? null : clone.source();
      if (clone != null && clone.content().equals(request.from()) && source != null) {
        state.leave(source);
      }
    }
    long sources = state.toMasters;
    long[] change = state.finish(b, missing);
    Duration expected = RollTiming.batch(
        request.time(), request.capabilities(), b, sources, change[0], state.toImage);
    return new RollBatch(index, vms, pos, peak, state.fromMasters, state.toMasters, change[0],
        change[1], expected);
  }

  /** The VMs sorted into those to make, to move (by master), to keep, and their versions now. */
  private static final class Sorting {
    final List<VmId> missing = new ArrayList<>();
    final Map<ContainerId, List<VmId>> byMaster = new LinkedHashMap<>();
    final List<VmId> staying = new ArrayList<>();
    final Map<VmId, ContentId> current = new HashMap<>();
    final List<VmId> absent = new ArrayList<>();
    long fromVms;
    long toVms;
  }

  private Sorting sort(RollRequest request, StoreReading store) {
    Sorting s = new Sorting();
    for (Container m : masterOrder(store.masters(request.from()))) {
      s.byMaster.put(m.id(), new ArrayList<>());
    }
    ContentId from = request.from();
    ContentId to = request.to();
    request.demand().vms().forEach((vm, wanted) -> {
      Container clone = store.cloneOf.get(vm);
      if (clone == null) {
        if (wanted.equals(from) || wanted.equals(to)) {
          s.missing.add(vm);
        } else {
          s.absent.add(vm);
        }
        return;
      }
      ContentId now = clone.content();
      if (!now.equals(wanted)) {
        s.current.put(vm, now);
      }
      if (now.equals(to)) {
        s.toVms++;
      } else if (now.equals(from)) {
        s.fromVms++;
        List<VmId> onMaster = clone.source() == null ? null : s.byMaster.get(clone.source());
        if (!request.demand().mayRecreate(vm)) {
          s.staying.add(vm);
        } else if (onMaster != null) {
          onMaster.add(vm);
        } else {
          s.byMaster.computeIfAbsent(clone.id(), k -> new ArrayList<>()).add(vm);
        }
      }
    });
    return s;
  }

  /** A's masters in the order their clones move: retirable replicas by ordinal, highest first. */
  private List<Container> masterOrder(List<Container> masters) {
    record Keyed(Container master, boolean retirable, long ordinal) {}
    List<Keyed> keyed = new ArrayList<>(masters.size());
    for (Container m : masters) {
      keyed.add(new Keyed(m, StoreReading.retirable(m, policy), ordinal(m)));
    }
    keyed.sort(Comparator.comparing((Keyed k) -> k.retirable() ? 0 : 1)
        .thenComparing(Comparator.comparingLong(Keyed::ordinal).reversed())
        .thenComparing(k -> k.master().name(), Comparator.reverseOrder()));
    List<Container> sorted = new ArrayList<>(keyed.size());
    keyed.forEach(k -> sorted.add(k.master()));
    return sorted;
  }

  private static long ordinal(Container m) {
    Matcher matcher = ORDINAL.matcher(m.name());
    return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
  }

  private RollState.Counts counts(StoreReading store, List<Container> fromMasters,
      List<Container> toMasters, Sorting s) {
    Map<ContainerId, Integer> retirable = new HashMap<>();
    long empty = 0;
    for (Container m : fromMasters) {
      if (StoreReading.retirable(m, policy)) {
        int n = store.clonesOn.getOrDefault(m.id(), 0);
        retirable.put(m.id(), n);
        empty += n == 0 ? 1 : 0;
      }
    }
    long toImage = StoreReading.imageBytes(toMasters);
    return new RollState.Counts(StoreReading.hasOrigin(fromMasters),
        StoreReading.hasOrigin(toMasters), toImage, StoreReading.imageBytes(fromMasters),
        retirable, fromMasters.size(), StoreReading.bytes(fromMasters), toMasters.size(),
        StoreReading.bytes(toMasters), s.fromVms, s.toVms, s.fromVms + s.toVms, empty);
  }
}
