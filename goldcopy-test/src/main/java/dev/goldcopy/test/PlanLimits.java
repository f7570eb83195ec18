package dev.goldcopy.test;

import dev.goldcopy.plan.CapacityPreview;
import dev.goldcopy.plan.DeleteContainer;
import dev.goldcopy.plan.PlanningInput;
import dev.goldcopy.plan.ReplicationPlan;
import dev.goldcopy.spi.ArrayCapabilities;
import java.util.Map;

/** Which of an input's limits a plan breaks, for {@link PlanAssert#staysWithinLimits}. */
final class PlanLimits {
  private PlanLimits() {}

  /** The limits {@code plan} breaks, in words; empty if none. */
  static String broken(ReplicationPlan plan, PlanningInput input) {
    StringBuilder out = new StringBuilder();
    ArrayCapabilities caps = input.capabilities();
    int perSource = caps.maxVirtualCopiesPerSource();
    if (perSource > 0) {
      Map<String, Integer> after = plan.clonesPerMaster(input.inventory());
      for (String master : plan.newClonesPerMaster().keySet()) {
        int n = after.getOrDefault(master, 0);
        if (n > perSource) {
          out.append("; ").append(master).append(" holds ").append(n)
              .append(" clones, over the per-source limit of ").append(perSource);
        }
      }
    }
    if (ArrayCapabilities.isLimited(caps.maxVirtualCopiesTotal())) {
      long added = plan.cloneSteps().size()
          - (long) plan.deleteSteps(DeleteContainer.Cause.VM_REMOVED).size();
      if (added > caps.remainingVirtualCopies()) {
        out.append("; ").append(added).append(" more clones, the array's total leaves room for ")
            .append(caps.remainingVirtualCopies());
      }
    }
    CapacityPreview c = plan.capacity();
    if (!c.equals(CapacityPreview.UNKNOWN) && c.freeAfter() < 0) {
      out.append("; the plan takes ").append(c.reservedBytes()).append(" bytes of ")
          .append(c.freeBefore()).append(" free and ").append(c.releasedBytes())
          .append(" given back");
    }
    return out.length() == 0 ? "" : ", but" + out.substring(1);
  }
}
