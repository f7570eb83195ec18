package dev.goldcopy.plan;

import dev.goldcopy.spi.ContentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A plan's full content as text, one fact a line, in a fixed form: every step with every field and
 * its dependencies in order, the shortfalls, the sizing, the findings, {@link
 * ReplicationPlan#summary()} and {@link ReplicationPlan#explain()}. Two plans with the same text
 * are the same plan; a refused input is written as the exception's class and message.
 */
final class PlanCanon {
  private PlanCanon() {}

  /** Plans {@code c} and writes the plan, or the refusal, as text. */
  static String of(RandomPlanningCase c) {
    ReplicationPlan plan;
    try {
      plan = ContainerReplicationPlanner.create(c.policy()).plan(c.input());
    } catch (RuntimeException e) {
      return "refused " + e.getClass().getName() + ": " + e.getMessage() + "\n";
    }
    return of(plan);
  }

  /** Writes {@code plan} as text. */
  static String of(ReplicationPlan plan) {
    StringBuilder b = new StringBuilder();
    b.append("store ").append(plan.store()).append('\n');
    for (PlanStep step : plan.steps()) {
      if (step instanceof CreateReplica r) {
        b.append("replica id=").append(r.id()).append(" name=").append(r.name())
            .append(" source=").append(r.sourceName()).append(" group=")
            .append(r.group().value()).append(" content=").append(content(r.content()))
            .append(" size=").append(r.sizeBytes()).append(" round=").append(r.round());
      } else if (step instanceof CreateClone c) {
        b.append("clone id=").append(c.id()).append(" name=").append(c.name()).append(" vm=")
            .append(c.vm().value()).append(" master=").append(c.masterName())
            .append(" content=").append(content(c.content()));
      } else {
        DeleteContainer d = (DeleteContainer) step;
        b.append("delete id=").append(d.id()).append(" container=")
            .append(d.container().value()).append(" name=").append(d.name()).append(" cause=")
            .append(d.cause());
      }
      b.append(" deps=").append(step.dependsOn()).append(" reason=").append(step.reason())
          .append('\n');
    }
    for (Shortfall s : plan.shortfalls()) {
      b.append("short content=").append(content(s.content())).append(" limit=")
          .append(s.limit()).append(" vms=").append(vms(s.vms())).append(" reason=")
          .append(s.reason()).append('\n');
    }
    for (GroupSizing g : plan.sizing()) {
      b.append("sizing content=").append(content(g.content())).append(" group=")
          .append(g.group().value()).append(" n=").append(g.demandedVms()).append(" new=")
          .append(g.newVms()).append(" L=").append(g.perSourceLimit()).append(" count=")
          .append(g.countNeed()).append(" throughput=").append(g.throughputNeed())
          .append(" after=").append(g.mastersAfter()).append(" existing=")
          .append(g.existingMasters()).append(" newReplicas=").append(g.newReplicas())
          .append(" retired=").append(g.retiredReplicas()).append(" note=").append(g.note())
          .append('\n');
    }
    for (Finding f : plan.findings()) {
      b.append("finding kind=").append(f.kind()).append(" name=").append(f.name())
          .append(" detail=").append(f.detail()).append('\n');
    }
    PlanSummary s = plan.summary();
    b.append("summary replicas=").append(s.replicas()).append(" clones=").append(s.clones())
        .append(" deletions=").append(s.deletions()).append(" bytes=").append(s.bytesToCopy())
        .append(" rounds=").append(s.copyRounds()).append(" short=").append(s.vmsShort())
        .append(" findings=").append(s.findings()).append('\n');
    b.append("explain\n").append(plan.explain());
    return b.toString();
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, in lower-case hex. */
  static String digest(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String content(ContentId c) {
    return c.imageId() + "@" + c.version();
  }

  private static String vms(List<VmId> vms) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < vms.size(); i++) {
      b.append(i == 0 ? "" : ",").append(vms.get(i).value());
    }
    return b.append(']').toString();
  }
}
