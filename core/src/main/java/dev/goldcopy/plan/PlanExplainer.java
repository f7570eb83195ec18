package dev.goldcopy.plan;

import java.util.EnumMap;
import java.util.Map;

/** Writes {@link ReplicationPlan#explain()}. */
final class PlanExplainer {
  private static final int LISTED = 5;

  private PlanExplainer() {}

  static String explain(ReplicationPlan plan) {
    StringBuilder out = new StringBuilder();
    PlanSummary summary = plan.summary();
    out.append("Plan for ").append(plan.store()).append(": ");
    if (plan.isEmpty()) {
      out.append("nothing to do");
    } else {
      out.append(summary.replicas()).append(" replica(s) in ")
          .append(summary.copyRounds()).append(" copy round(s), ")
          .append(summary.clones()).append(" clone(s), ")
          .append(summary.deletions()).append(" deletion(s), ")
          .append(gibibytes(summary.bytesToCopy())).append(" to copy");
    }
    out.append('.').append('\n');
    for (GroupSizing g : plan.sizing()) {
      out.append("- ").append(g.content()).append(" (group ").append(g.group()).append("): ")
          .append(g.note()).append('\n');
    }
    for (Shortfall s : plan.shortfalls()) {
      out.append("- SHORT ").append(s.content()).append(" by ").append(s.vms().size())
          .append(" VM(s), limit ").append(s.limit()).append(": ").append(s.reason())
          .append(" Left out: ").append(list(s.vms())).append('\n');
    }
    for (Finding f : plan.findings()) {
      out.append("- NOTE ").append(f.kind()).append(' ').append(f.name()).append(": ")
          .append(f.detail()).append('\n');
    }
    Map<DeleteContainer.Cause, Integer> deletions = new EnumMap<>(DeleteContainer.Cause.class);
    for (PlanStep step : plan.steps()) {
      if (step instanceof DeleteContainer d) {
        deletions.merge(d.cause(), 1, Integer::sum);
      }
    }
    deletions.forEach(
        (cause, count) ->
            out.append("- delete ").append(count).append(' ').append(describe(cause))
                .append('\n'));
    return out.toString();
  }

  /** Formats a byte count as GiB with one decimal, for an operator to read. */
  private static String gibibytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%,.1f GiB", bytes / (double) (1L << 30));
  }

  private static String describe(DeleteContainer.Cause cause) {
    return switch (cause) {
      case VM_REMOVED -> "clone(s) of VMs removed from the demand or moved to another image version";
      case REPLICA_RETIRED -> "replica(s) with no clones that the sizing no longer needs";
      case FAILED_COPY -> "failed copy(ies)";
      case CONSOLIDATED ->
          "clone(s) of recreatable VMs moved off surplus replicas, each made again on a master that"
              + " stays";
    };
  }

  private static String list(java.util.List<VmId> vms) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < vms.size() && i < LISTED; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(vms.get(i));
    }
    if (vms.size() > LISTED) {
      b.append(" and ").append(vms.size() - LISTED).append(" more");
    }
    return b.toString();
  }
}
