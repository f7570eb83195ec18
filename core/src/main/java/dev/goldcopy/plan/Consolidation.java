package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanMath.UNBOUNDED;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.ContentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * On a scale-down, empties the replicas the sizing no longer needs so that {@link Retirement}
 * retires them: the clones of VMs whose disk may be recreated are deleted and placed again on the
 * masters that stay (when the policy consolidates); a replica that still holds a persistent disk,
 * or a clone Goldcopy does not own, stays, and a finding says which and why.
 */
final class Consolidation {
  private Consolidation() {}

  /** Moves what may move off each group's surplus replicas; adds findings for what stays. */
  static void plan(
      PlanningInput input,
      InventoryIndex index,
      Map<ContentId, String> chosenGroup,
      DemandClassifier.Result demand,
      List<Finding> findings) {
    for (Map.Entry<ContentId, String> e : chosenGroup.entrySet()) {
      DemandClassifier.ContentDemand d = demand.byContent().get(e.getKey());
      if (d != null) {
        group(input, index, e.getValue(), d, demand, findings);
      }
    }
  }

  private static void group(
      PlanningInput input,
      InventoryIndex index,
      String key,
      DemandClassifier.ContentDemand d,
      DemandClassifier.Result demand,
      List<Finding> findings) {
    List<Container> live = index.live(key);
    GroupSizer.GroupTarget t =
        GroupSizer.size(index.policy(), input.capabilities(), live, d.vms, d.toPlace.size());
    long surplus = live.size() - t.target();
    if (surplus <= 0) {
      return;
    }
    Surplus s = new Surplus(t, surplus, serving(t, live));
    List<Container> held = s.passEmpty(index, live);
    long room = room(t, live, index.masters());
    if (room < UNBOUNDED) {
      room -= s.emptyRoom;
    }
    s.moveOff(held, room, index, d, demand, findings);
  }

  /**
   * One group's surplus as it is worked off: the empty replicas first, then those whose clones may
   * move.
   */
  private static final class Surplus {
    private final GroupSizer.GroupTarget t;
    /** Replicas still to retire. */
    private long surplus;
    /**
     * Masters that take clones (a reserved origin takes none): one must stay when room is
     * unbounded, since an unbounded sum cannot show the last one going.
     */
    private long serving;
    /** The room of the empty replicas retired as they are, which the masters that stay lack. */
    private long emptyRoom;

    Surplus(GroupSizer.GroupTarget t, long surplus, long serving) {
      this.t = t;
      this.surplus = surplus;
      this.serving = serving;
    }

    /**
     * Counts the surplus replicas Goldcopy manages that hold no clone (retired as they are, with
     * no move), and returns those that hold clones, highest ordinal first.
     */
    List<Container> passEmpty(InventoryIndex index, List<Container> live) {
      MasterTable masters = index.masters();
      List<Container> held = new ArrayList<>();
      for (Container m : live) {
        if (!m.isOrigin() && index.manages(m) && m.isReady() && !index.isCopySource(m.id())) {
          if (masters.kept(m.id()) == 0) {
            if (surplus > 0) {
              surplus--; // retired as it is, with no move, so its room does not count
              emptyRoom += t.soft();
              serving--;
            }
          } else {
            held.add(m);
          }
        }
      }
      held.sort(
          Comparator.comparingLong(
                  (Container m) ->
                      ReplicaNamer.ordinal(requireNonNull(m.group(), "group"), m.name()))
              .thenComparing(Container::name)
              .reversed());
      return held;
    }

    /**
     * Moves the clones that may move off the held replicas, highest ordinal first, while the
     * surplus lasts and the masters that stay have {@code room} for them; a finding for each
     * replica that stays.
     */
    void moveOff(
        List<Container> held,
        long room,
        InventoryIndex index,
        DemandClassifier.ContentDemand d,
        DemandClassifier.Result demand,
        List<Finding> findings) {
      MasterTable masters = index.masters();
      long placing = d.toPlace.size();
      for (Container m : held) {
        if (surplus <= 0) {
          break;
        }
        int kept = masters.kept(m.id());
        List<DemandClassifier.Movable> movable =
            demand.movable().getOrDefault(m.id(), List.of());
        int canMove = movable.size();
        long roomAfter = room >= UNBOUNDED ? UNBOUNDED : room - Math.max(0, t.soft() - kept);
        if (canMove < kept || roomAfter < placing + kept || serving <= 1) {
          findings.add(new Finding(Finding.Kind.SURPLUS_KEPT, m.name(),
              "group " + m.group() + " needs " + t.target() + " master(s) but this replica stays: "
                  + why(index.policy(), kept, canMove)));
          continue;
        }
        for (DemandClassifier.Movable mv : movable) {
          DemandClassifier.deleteMoved(demand, mv.container(),
              "VM " + mv.vm() + " may be recreated; its clone moves off surplus replica "
                  + m.name() + " so that the replica can be retired.");
          masters.removeKept(masters.ordinal(m.id()));
          d.toPlace.add(mv.vm());
        }
        placing += kept;
        room = roomAfter;
        surplus--;
        serving--;
      }
    }
  }

  /** How many of the group's masters take clones, ready or copying: all but a reserved origin. */
  private static long serving(GroupSizer.GroupTarget t, List<Container> live) {
    long serving = 0;
    for (Container m : live) {
      if (!(m.isOrigin() && t.reserved())) {
        serving++;
      }
    }
    return serving;
  }

  /** The clones the group's masters take under the soft cap, reserved origin excluded. */
  private static long room(GroupSizer.GroupTarget t, List<Container> live, MasterTable masters) {
    if (t.soft() == 0) {
      return UNBOUNDED;
    }
    long room = 0;
    for (Container m : live) {
      if (!(m.isOrigin() && t.reserved()) && m.isReady()) {
        room += Math.max(0, t.soft() - masters.kept(m.id()));
      }
    }
    return room;
  }

  private static String why(PlanningPolicy policy, int kept, int canMove) {
    if (!policy.consolidate()) {
      return "it holds " + kept + " clone(s), and the policy does not move clones"
          + " (consolidate is off; persistent disks never move)";
    }
    if (canMove < kept) {
      return (kept - canMove) + " of its " + kept + " clone(s) may not move (persistent disks, or"
          + " containers Goldcopy does not own)";
    }
    return "the masters that stay have no room for its " + kept + " clone(s)";
  }
}
