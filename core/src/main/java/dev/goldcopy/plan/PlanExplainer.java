package dev.goldcopy.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes {@link ReplicationPlan#explain()} in the canonical form that method documents: a header
 * with the format version, the summary and capacity lines, then the sections that have content, in
 * a fixed order. Sizes are in binary units ({@link Units}); counts, names and reasons come from
 * the plan alone, so the text is the same on every run, JVM and locale.
 */
final class PlanExplainer {
  /** The version of the rendering; raised only with a major release. */
  static final int FORMAT = 1;
  /** How many entries a list line names before it says how many more there are. */
  private static final int LISTED = 8;
  private static final String INDENT = "  ";

  private PlanExplainer() {}

  static String explain(ReplicationPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Goldcopy plan, format ").append(FORMAT).append('\n');
    out.append("Store: ").append(plan.store()).append('\n');
    summary(plan, out);
    capacity(plan.capacity(), out);
    if (!plan.sizing().isEmpty()) {
      out.append("Sizing:\n");
      for (GroupSizing g : plan.sizing()) {
        out.append(INDENT).append(g.content()).append(", group ").append(g.group()).append(": ")
            .append(g.note()).append('\n');
      }
    }
    placement(plan, out);
    copies(plan.replicaSteps(), out);
    List<DeleteContainer> retired = plan.deleteSteps(DeleteContainer.Cause.REPLICA_RETIRED);
    if (!retired.isEmpty()) {
      out.append("Retirements:\n");
      for (DeleteContainer d : retired) {
        out.append(INDENT).append(d.name()).append(": ").append(d.reason()).append('\n');
      }
    }
    deletions(plan, out);
    if (!plan.shortfalls().isEmpty()) {
      out.append("Shortfalls:\n");
      for (Shortfall s : plan.shortfalls()) {
        out.append(INDENT).append("SHORT ").append(s.content()).append(" by ")
            .append(s.vms().size()).append(" VM(s), limit ").append(s.limit()).append(": ")
            .append(s.reason()).append(" Left out: ").append(list(s.vms())).append('.')
            .append('\n');
      }
    }
    if (!plan.findings().isEmpty()) {
      out.append("Findings:\n");
      for (Finding f : plan.findings()) {
        out.append(INDENT).append(f.kind()).append(' ').append(f.name()).append(": ")
            .append(f.detail()).append('\n');
      }
    }
    return out.toString();
  }

  private static void summary(ReplicationPlan plan, StringBuilder out) {
    PlanSummary s = plan.summary();
    out.append("Summary: ");
    if (plan.isEmpty()) {
      out.append("nothing to do");
    } else {
      out.append(s.replicas()).append(" replica(s) in ").append(s.copyRounds())
          .append(" copy round(s), ").append(s.clones()).append(" clone(s), ")
          .append(s.deletions()).append(" deletion(s); ").append(Units.bytes(s.bytesToCopy()))
          .append(" to copy");
    }
    if (s.vmsShort() > 0) {
      out.append("; ").append(s.vmsShort()).append(" VM(s) short");
    }
    out.append(".\n");
  }

  private static void capacity(CapacityPreview c, StringBuilder out) {
    if (c.equals(CapacityPreview.UNKNOWN)) {
      return;
    }
    out.append("Capacity: ").append(Units.bytes(c.freeBefore())).append(" free; the plan takes ")
        .append(Units.bytes(c.reservedBytes())).append(" and gives back ")
        .append(Units.bytes(c.releasedBytes())).append("; ").append(Units.bytes(c.freeAfter()))
        .append(" free after.\n");
  }

  /** Per image version: the new clones per master, by name. */
  private static void placement(ReplicationPlan plan, StringBuilder out) {
    Map<String, SortedMap<String, Integer>> byContent = new TreeMap<>();
    for (CreateClone c : plan.cloneSteps()) {
      byContent.computeIfAbsent(c.content().toString(), k -> new TreeMap<>())
          .merge(c.masterName(), 1, Integer::sum);
    }
    if (byContent.isEmpty()) {
      return;
    }
    out.append("Placement:\n");
    for (Map.Entry<String, SortedMap<String, Integer>> e : byContent.entrySet()) {
      SortedMap<String, Integer> perMaster = e.getValue();
      int total = 0;
      int min = Integer.MAX_VALUE;
      int max = 0;
      List<String> entries = new ArrayList<>();
      for (Map.Entry<String, Integer> m : perMaster.entrySet()) {
        total += m.getValue();
        min = Math.min(min, m.getValue());
        max = Math.max(max, m.getValue());
        entries.add(m.getKey() + " " + m.getValue());
      }
      out.append(INDENT).append(e.getKey()).append(": ").append(total)
          .append(" new clone(s) on ").append(perMaster.size()).append(" master(s), ")
          .append(min == max ? min + " each" : min + " to " + max + " each").append(": ")
          .append(list(entries)).append('\n');
    }
  }

  /** The copies round by round: source to new replica. */
  private static void copies(List<CreateReplica> replicas, StringBuilder out) {
    if (replicas.isEmpty()) {
      return;
    }
    SortedMap<Integer, List<String>> rounds = new TreeMap<>();
    for (CreateReplica r : replicas) {
      rounds.computeIfAbsent(r.round(), k -> new ArrayList<>())
          .add(r.sourceName() + " -> " + r.name());
    }
    out.append("Copies:\n");
    for (Map.Entry<Integer, List<String>> e : rounds.entrySet()) {
      out.append(INDENT).append("round ").append(e.getKey()).append(": ")
          .append(list(e.getValue())).append('\n');
    }
  }

  private static void deletions(ReplicationPlan plan, StringBuilder out) {
    Map<DeleteContainer.Cause, Integer> counts = new EnumMap<>(DeleteContainer.Cause.class);
    for (DeleteContainer d : plan.deleteSteps()) {
      if (d.cause() != DeleteContainer.Cause.REPLICA_RETIRED) {
        counts.merge(d.cause(), 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    out.append("Deletions:\n");
    counts.forEach(
        (cause, count) ->
            out.append(INDENT).append(count).append(' ').append(describe(cause)).append('\n'));
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

  private static String list(List<?> items) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < items.size() && i < LISTED; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(items.get(i));
    }
    if (items.size() > LISTED) {
      b.append(" and ").append(items.size() - LISTED).append(" more");
    }
    return b.toString();
  }
}
