package dev.goldcopy.fleet;

import dev.goldcopy.plan.VmId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where every VM of a fleet goes: each store's share (its demand for the executor), each VM's
 * placement with the reason, and the VMs no store can take.
 *
 * @param shares each store's share, in the order the stores were given
 * @param placements each placed VM, in VM order
 * @param unplaced each VM left out, with the reason
 */
public record FleetPlan(
    List<StoreShare> shares, List<FleetPlacement> placements, List<Unplaced> unplaced) {

  /**
   * Takes immutable copies.
   *
   * @throws NullPointerException if a field is null
   */
  public FleetPlan {
    shares = List.copyOf(shares);
    placements = List.copyOf(placements);
    unplaced = List.copyOf(unplaced);
  }

  /**
   * Returns the physical copies the plan makes in every store together.
   *
   * @return the copies
   */
  public long newReplicas() {
    return shares.stream().mapToLong(StoreShare::newReplicas).sum();
  }

  /**
   * Returns the bytes those copies move.
   *
   * @return the bytes
   */
  public long bytesCopied() {
    return shares.stream().mapToLong(StoreShare::bytesCopied).sum();
  }

  /**
   * Returns the placement of {@code vm} in words.
   *
   * @param vm a VM of the demand
   * @return why it goes where it goes, or why it goes nowhere
   */
  public String explain(VmId vm) {
    for (FleetPlacement p : placements) {
      if (p.vm().equals(vm)) {
        return vm + " -> " + p.store() + ": " + switch (p.why()) {
          case ALREADY_THERE -> "its clone is there already";
          case FREE_SLOT -> "a master there has room (no copy); the least filled such store";
          case NEW_REPLICA -> "no store had room; a replica there serves the most VMs per copy";
        };
      }
    }
    for (Unplaced u : unplaced) {
      if (u.vm().equals(vm)) {
        return vm + " is not placed: " + u.reason();
      }
    }
    return vm + " is not in the demand";
  }

  /**
   * Returns the plan in an engineer's words: one line a store, then what is left out.
   *
   * @return the text
   */
  public String explain() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "Fleet plan: %,d VM(s) placed on %d store(s), %,d new replica(s), %,d bytes copied,"
            + " %,d not placed.%n", placements.size(), shares.size(), newReplicas(),
        bytesCopied(), unplaced.size()));
    for (StoreShare s : shares) {
      b.append(String.format(Locale.ROOT,
          "  %-24s %,7d VM(s): %,d kept, %,d on free slots, %,d on %,d new replica(s)%n",
          s.store(), s.demand().size(), s.kept(), s.onFreeSlots(), s.onNewReplicas(),
          s.newReplicas()));
    }
    Map<String, Integer> reasons = new TreeMap<>();
    unplaced.forEach(u -> reasons.merge(u.reason(), 1, Integer::sum));
    reasons.forEach((r, n) -> b.append("  not placed, ").append(n).append(" VM(s): ").append(r)
        .append('\n'));
    return b.toString().stripTrailing();
  }
}
