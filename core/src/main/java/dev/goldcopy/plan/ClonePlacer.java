package dev.goldcopy.plan;

import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Places new clones on a group's masters, SPREAD (the least-loaded master first; without a
 * throughput rule and under a finite cap, the masters ready now take their share before the masters
 * still to be copied) or PACK (one master after another), in passes of growing caps: the throughput
 * rate, the soft cap, the hard cap. Each clone depends on the step making its master, the deletion of its VM's old clone, and
 * the deletions that free its slot, the array totals' slots and its capacity when they are full
 * until then.
 */
final class ClonePlacer {
  private final Placement placement;
  private final long growth;
  private final CapacityLedger capacity;
  private final SlotLedger arrayTotal;
  private final SlotLedger containerTotal;
  /** For a VM whose clone is replaced, the id of the old clone's deletion. */
  private final Map<String, String> oldDelete;
  private final List<PlanStep> clones;

  /** A placer that adds its {@link CreateClone} steps to {@code clones}. */
  ClonePlacer(
      PlanningPolicy policy,
      long cloneCharge,
      CapacityLedger capacity,
      SlotLedger arrayTotal,
      SlotLedger containerTotal,
      Map<String, String> oldDelete,
      List<PlanStep> clones) {
    this.placement = policy.placement();
    this.growth = cloneCharge;
    this.capacity = capacity;
    this.arrayTotal = arrayTotal;
    this.containerTotal = containerTotal;
    this.oldDelete = oldDelete;
    this.clones = clones;
  }

  /**
   * Places every VM of {@code vms}, in order.
   *
   * @param perSourceRate the throughput rule's creations per master, 0 for none: a first pass
   *     gives no master more
   * @throws IllegalStateException if the slots cannot take every VM
   */
  void place(ContentId content, List<VmId> vms, List<MasterSlot> slots, int perSourceRate) {
    int cursor = 0;
    List<ToLongFunction<MasterSlot>> passes = new ArrayList<>();
    if (perSourceRate > 0) {
      passes.add(s -> Math.min(s.softCap, perSourceRate));
    }
    passes.add(s -> s.softCap);
    passes.add(s -> s.hardCap);
    for (ToLongFunction<MasterSlot> cap : passes) {
      if (cursor >= vms.size()) {
        return;
      }
      if (placement == Placement.PACK) {
        for (MasterSlot s : slots) {
          long limit = Math.min(cap.applyAsLong(s), s.hardCap);
          while (s.placed < limit && cursor < vms.size()) {
            placeOne(content, vms.get(cursor++), s);
          }
        }
      } else {
        long[] limit = new long[slots.size()];
        for (int i = 0; i < limit.length; i++) {
          MasterSlot s = slots.get(i);
          limit[i] = Math.min(cap.applyAsLong(s), s.hardCap);
        }
        if (perSourceRate == 0 && readyCapped(slots, limit)) {
          // Clones on a ready master start at once; those on a master to be copied wait for it.
          cursor = spread(content, vms, cursor, slots, limit, s -> s.readyNow);
          cursor = spread(content, vms, cursor, slots, limit, s -> !s.readyNow);
        } else {
          cursor = spread(content, vms, cursor, slots, limit, s -> true);
        }
      }
    }
    if (cursor < vms.size()) {
      throw new IllegalStateException("sizing left " + (vms.size() - cursor) + " VMs unplaced");
    }
  }

  /**
   * Returns whether every master ready now has a finite cap in this pass: only then do the ready
   * masters take their share first (without a cap they would take every clone, and the masters
   * made to share the load none).
   */
  private static boolean readyCapped(List<MasterSlot> slots, long[] limit) {
    for (int i = 0; i < limit.length; i++) {
      if (slots.get(i).readyNow && limit[i] >= PlanMath.UNBOUNDED) {
        return false;
      }
    }
    return true;
  }

  /**
   * Places VMs from {@code cursor} on the least-loaded of the slots {@code among} accepts, each up
   * to its {@code limit} in this pass, until the VMs or the slots run out.
   *
   * @return the cursor after the last VM placed
   */
  private int spread(ContentId content, List<VmId> vms, int cursor, List<MasterSlot> slots,
      long[] limit, Predicate<MasterSlot> among) {
    if (cursor >= vms.size()) {
      return cursor;
    }
    // Slots sort by position as by index: both grow along the list.
    SlotQueue queue = new SlotQueue(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      MasterSlot s = slots.get(i);
      if (among.test(s) && s.placed < limit[i]) {
        queue.add(s.load, i);
      }
    }
    int at = cursor;
    while (at < vms.size() && !queue.isEmpty()) {
      int i = queue.peek();
      MasterSlot s = slots.get(i);
      placeOne(content, vms.get(at++), s);
      if (s.placed < limit[i]) {
        queue.raiseTop();
      } else {
        queue.removeTop();
      }
    }
    return at;
  }

  private void placeOne(ContentId content, VmId vm, MasterSlot s) {
    List<String> deps;
    String old = oldDelete.isEmpty() ? null : oldDelete.get(vm.value());
    List<String> slot = s.take();
    List<String> total = arrayTotal.take();
    List<String> volume = containerTotal.take();
    List<String> paid = capacity.take(growth);
    if (old == null && slot.isEmpty() && total.isEmpty() && volume.isEmpty() && paid.isEmpty()) {
      deps = s.ownDeps;
    } else {
      List<String> all = new ArrayList<>(4);
      addNew(all, s.stepId);
      addNew(all, old);
      addAll(all, slot);
      addAll(all, total);
      addAll(all, volume);
      addAll(all, paid);
      deps = List.copyOf(all);
    }
    s.placed++;
    s.load++;
    clones.add(
        new CreateClone(
            PlanRun.cloneStepId(vm.value()), vm.value(), vm, s.name, content, deps, s.reason()));
  }

  private static void addAll(List<String> deps, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      addNew(deps, ids.get(i));
    }
  }

  private static void addNew(List<String> deps, @Nullable String id) {
    if (id != null && !deps.contains(id)) {
      deps.add(id);
    }
  }
}
