package dev.goldcopy.roll;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import dev.goldcopy.plan.Demand;
import dev.goldcopy.plan.VmId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.StoreRef;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rolling update as batches, each a store demand the executor carries out in turn. Batch {@code
 * i}'s demand ({@link #demandAfter(int)}) has every VM of batches 0 to {@code i} on the target
 * version and the others where they are; the store planner then deletes the batch's old clones,
 * makes its new ones, grows the target group and retires the old group's emptied replicas.
 *
 * @param store the tenant and store
 * @param from the version rolled from
 * @param to the version rolled to
 * @param demand the request's demand
 * @param current each VM whose disk is on another version than the demand names, with that version
 * @param absent the demand's VMs with no disk now that the roll does not make (they stay absent)
 * @param order every VM the roll moves, in the order it moves them
 * @param batches the batches
 * @param start what the two groups hold at the start
 * @param peak the most they hold at any instant of the roll
 * @param staying persistent VMs on the old version the caller did not ask to recompose; they stay
 * @param blocked VMs the bounds leave where they are, with {@code blockedReason}
 * @param blockedReason which bound stops the roll before {@code blocked}; empty when none does
 * @param keptVersions the versions whose masters are kept for a rollback
 * @param released the Goldcopy replicas of older versions that hold no clone, released once the
 *     last batch is done (names)
 * @param expected the sum of the batches' expected times
 */
public record RollPlan(
    StoreRef store,
    ContentId from,
    ContentId to,
    Demand demand,
    ImmutableMap<VmId, ContentId> current,
    ImmutableSet<VmId> absent,
    List<VmId> order,
    List<RollBatch> batches,
    Footprint start,
    Footprint peak,
    List<VmId> staying,
    List<VmId> blocked,
    String blockedReason,
    List<ContentId> keptVersions,
    List<String> released,
    Duration expected) {

  /**
   * Checks the fields and takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public RollPlan {
    requireNonNull(store, "store");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(demand, "demand");
    requireNonNull(current, "current");
    requireNonNull(absent, "absent");
    order = List.copyOf(order);
    batches = List.copyOf(batches);
    requireNonNull(start, "start");
    requireNonNull(peak, "peak");
    staying = List.copyOf(staying);
    blocked = List.copyOf(blocked);
    requireNonNull(blockedReason, "blockedReason");
    keptVersions = List.copyOf(keptVersions);
    released = List.copyOf(released);
    requireNonNull(expected, "expected");
  }

  /**
   * Returns the store demand once batch {@code index} is done.
   *
   * @param index a batch index, or -1 for the state before the first batch
   * @return the demand
   * @throws IndexOutOfBoundsException if there is no such batch
   */
  public Demand demandAfter(int index) {
    int moved = 0;
    if (index >= 0) {
      RollBatch b = batches.get(index);
      moved = b.movedBefore() + b.vms().size();
    }
    Set<VmId> movedVms = new HashSet<>(order.subList(0, moved));
    ImmutableSortedMap.Builder<VmId, ContentId> vms = ImmutableSortedMap.naturalOrder();
    ImmutableSet.Builder<VmId> recreatable = ImmutableSet.builder();
    ImmutableSet.Builder<VmId> recompose = ImmutableSet.builder();
    for (Map.Entry<VmId, ContentId> e : demand.vms().entrySet()) {
      VmId vm = e.getKey();
      boolean isMoved = movedVms.contains(vm);
      if (absent.contains(vm) && !isMoved) {
        continue;
      }
      vms.put(vm, isMoved ? to : current.getOrDefault(vm, e.getValue()));
      if (demand.recreatable().contains(vm)) {
        recreatable.add(vm);
      }
      if (isMoved && demand.recompose().contains(vm)) {
        recompose.add(vm);
      }
    }
    return new Demand(vms.buildOrThrow(), recreatable.build(), recompose.build());
  }

  /**
   * Returns the store demand once every batch is done.
   *
   * @return the final demand
   */
  public Demand finalDemand() {
    return demandAfter(batches.size() - 1);
  }

  /**
   * Returns the plan in an engineer's words: the start, each batch, the peak, what stays and why.
   *
   * @return the text, one line a batch
   */
  public String explain() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "Roll %s from %s to %s: %,d VM(s) in %d batch(es), expected %s.%n", store, from, to,
        order.size(), batches.size(), RollPlan.format(expected)));
    b.append(String.format(Locale.ROOT,
        "Start: %d master(s), %,d replica bytes, %,d clone(s). Peak: %d master(s), %,d bytes,"
            + " %,d clone(s), %d VM(s) down at once.%n",
        start.masters(), start.replicaBytes(), start.clones(), peak.masters(),
        peak.replicaBytes(), peak.clones(), peak.down()));
    for (RollBatch batch : batches) {
      b.append(String.format(Locale.ROOT,
          "  batch %d: %d VM(s) (%s..%s); +%d replica(s) of %s, -%d of %s; after: %d + %d"
              + " master(s); peak %d master(s); expected %s%n",
          batch.index() + 1, batch.vms().size(), batch.vms().get(0),
          batch.vms().get(batch.vms().size() - 1), batch.newReplicas(), to,
          batch.retiredReplicas(), from, batch.fromMastersAfter(), batch.toMastersAfter(),
          batch.peak().masters(), RollPlan.format(batch.expected())));
    }
    if (!staying.isEmpty()) {
      b.append(staying.size()).append(" persistent VM(s) stay on ").append(from)
          .append(" until the caller asks to recompose them.\n");
    }
    if (!blocked.isEmpty()) {
      b.append(blocked.size()).append(" VM(s) cannot move: ").append(blockedReason).append(".\n");
    }
    b.append("Versions kept for a rollback: ").append(keptVersions).append('.');
    if (!released.isEmpty()) {
      b.append(" Released at the end: ").append(released.size()).append(" empty replica(s) of")
          .append(" older versions.");
    }
    return b.toString();
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
