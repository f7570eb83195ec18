package dev.goldcopy.plan;

import static dev.goldcopy.plan.PlanTextFields.decode;
import static dev.goldcopy.plan.PlanTextFields.decodeList;
import static dev.goldcopy.plan.PlanTextFields.encode;
import static dev.goldcopy.plan.PlanTextFields.encodeList;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A stable text form of a {@link ReplicationPlan}, so that a plan can be written out, reviewed and
 * approved (in another process, by another person), and read back to be carried out with {@code
 * ReplicationExecutor.apply}. The same plan always gives the same text, byte for byte, and {@code
 * read(write(plan))} equals {@code plan}.
 *
 * <p>The form is line-based UTF-8 with {@code \n} line ends. The first line is {@code
 * goldcopy-plan 1} (the format's version); then one line per part, its fields separated by single
 * spaces; the last line is {@code end N} with N the number of lines before it, so a cut-off file
 * is refused. Each field escapes every byte but letters, digits and {@code . _ : / @ + = -} as
 * {@code %XX}; an empty field is a lone {@code %}; list items are joined by commas.
 *
 * <pre>
 * goldcopy-plan 1
 * store TENANT STORE
 * capacity FREE_BEFORE_BYTES RESERVED_BYTES RELEASED_BYTES
 * replica ID NAME SOURCE GROUP IMAGE VERSION SIZE_BYTES ROUND DEPENDS_ON REASON
 * clone ID NAME VM MASTER IMAGE VERSION DEPENDS_ON REASON
 * delete ID CONTAINER_ID NAME CAUSE DEPENDS_ON REASON
 * shortfall IMAGE VERSION LIMIT VMS REASON
 * sizing IMAGE VERSION GROUP N NEW L COUNT_NEED THROUGHPUT_NEED AFTER EXISTING NEW_REPLICAS RETIRED NOTE
 * finding KIND NAME DETAIL
 * end N
 * </pre>
 */
public final class PlanText {
  /** The first line of every plan text of this version. */
  public static final String HEADER = "goldcopy-plan 1";

  private PlanText() {}

  /**
   * Writes {@code plan} in the stable text form.
   *
   * @param plan the plan
   * @return its text, ending with a line end
   * @throws NullPointerException if {@code plan} is null
   */
  public static String write(ReplicationPlan plan) {
    requireNonNull(plan, "plan");
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add(line("store", plan.store().tenant().value(), plan.store().store().value()));
    CapacityPreview c = plan.capacity();
    lines.add("capacity " + c.freeBefore() + " " + c.reservedBytes() + " " + c.releasedBytes());
    for (PlanStep step : plan.steps()) {
      lines.add(step(step));
    }
    for (Shortfall s : plan.shortfalls()) {
      List<String> vms = new ArrayList<>(s.vms().size());
      s.vms().forEach(vm -> vms.add(vm.value()));
      lines.add(
          "shortfall " + encode(s.content().imageId()) + " " + encode(s.content().version()) + " "
              + s.limit().name() + " " + encodeList(vms) + " " + encode(s.reason()));
    }
    for (GroupSizing g : plan.sizing()) {
      lines.add(
          "sizing " + encode(g.content().imageId()) + " " + encode(g.content().version()) + " "
              + encode(g.group().value()) + " " + g.demandedVms() + " " + g.newVms() + " "
              + g.perSourceLimit() + " " + g.countNeed() + " " + g.throughputNeed() + " "
              + g.mastersAfter() + " " + g.existingMasters() + " " + g.newReplicas() + " "
              + g.retiredReplicas() + " " + encode(g.note()));
    }
    for (Finding f : plan.findings()) {
      lines.add("finding " + f.kind().name() + " " + encode(f.name()) + " " + encode(f.detail()));
    }
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l).append('\n');
    }
    return out.append("end ").append(lines.size()).append('\n').toString();
  }

  /**
   * Reads a plan written by {@link #write}.
   *
   * @param text the text
   * @return the plan
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException naming the line if the text is not a whole plan of this
   *     version
   */
  public static ReplicationPlan read(String text) {
    requireNonNull(text, "text");
    return new PlanTextReader(text).read();
  }

  /**
   * Returns the SHA-256 of the plan's text, in lower-case hex: what an approval can name so the
   * plan carried out is provably the plan approved.
   *
   * @param plan the plan
   * @return 64 hex digits
   * @throws NullPointerException if {@code plan} is null
   */
  public static String fingerprint(ReplicationPlan plan) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(write(plan).getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String step(PlanStep step) {
    if (step instanceof CreateReplica r) {
      return "replica " + encode(r.id()) + " " + encode(r.name()) + " " + encode(r.sourceName())
          + " " + encode(r.group().value()) + " " + encode(r.content().imageId()) + " "
          + encode(r.content().version()) + " " + r.sizeBytes() + " " + r.round() + " "
          + encodeList(r.dependsOn()) + " " + encode(r.reason());
    }
    if (step instanceof CreateClone c) {
      return "clone " + encode(c.id()) + " " + encode(c.name()) + " " + encode(c.vm().value())
          + " " + encode(c.masterName()) + " " + encode(c.content().imageId()) + " "
          + encode(c.content().version()) + " " + encodeList(c.dependsOn()) + " "
          + encode(c.reason());
    }
    DeleteContainer d = (DeleteContainer) step;
    return "delete " + encode(d.id()) + " " + encode(d.container().value()) + " "
        + encode(d.name()) + " " + d.cause().name() + " " + encodeList(d.dependsOn()) + " "
        + encode(d.reason());
  }

  private static String line(String kind, String... fields) {
    StringBuilder out = new StringBuilder(kind);
    for (String f : fields) {
      out.append(' ').append(encode(f));
    }
    return out.toString();
  }

  /** Reads the lines of one plan text. */
  private static final class PlanTextReader {
    private final String[] lines;
    private int at;

    PlanTextReader(String text) {
      this.lines = text.split("\n", -1);
    }

    ReplicationPlan read() {
      if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
        throw new IllegalArgumentException("plan text: not a whole plan (it must end with a line end)");
      }
      if (!lines[0].equals(HEADER)) {
        throw new IllegalArgumentException("plan text line 1: expected '" + HEADER + "'");
      }
      int body = lines.length - 2;
      String[] end = fields(body, 2);
      if (!end[0].equals("end") || !end[1].equals(Integer.toString(body))) {
        throw new IllegalArgumentException(
            "plan text line " + (body + 1) + ": expected 'end " + body + "': the text is cut short or altered");
      }
      String[] store = fields(1, 3);
      if (!store[0].equals("store")) {
        throw new IllegalArgumentException("plan text line 2: expected the store");
      }
      StoreRef ref = StoreRef.of(decode(store[1]), decode(store[2]));
      List<PlanStep> steps = new ArrayList<>();
      List<Shortfall> shortfalls = new ArrayList<>();
      List<GroupSizing> sizing = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      for (at = 2; at < body; at++) {
        try {
          part(steps, shortfalls, sizing, findings);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("plan text line " + (at + 1) + ": " + e.getMessage(), e);
        }
      }
      return new ReplicationPlan(ref, steps, shortfalls, sizing, findings, capacity);
    }

    private void part(
        List<PlanStep> steps, List<Shortfall> shortfalls, List<GroupSizing> sizing, List<Finding> findings) {
      String kind = lines[at].substring(0, Math.max(0, lines[at].indexOf(' ')));
      switch (kind) {
        case "replica" -> {
          String[] f = fields(at, 11);
          steps.add(new CreateReplica(decode(f[1]), decode(f[2]), decode(f[3]), GroupId.of(decode(f[4])),
              ContentId.of(decode(f[5]), decode(f[6])), Long.parseLong(f[7]), Integer.parseInt(f[8]),
              decodeList(f[9]), decode(f[10])));
        }
        case "clone" -> {
          String[] f = fields(at, 9);
          steps.add(new CreateClone(decode(f[1]), decode(f[2]), VmId.of(decode(f[3])), decode(f[4]),
              ContentId.of(decode(f[5]), decode(f[6])), decodeList(f[7]), decode(f[8])));
        }
        case "delete" -> {
          String[] f = fields(at, 7);
          steps.add(new DeleteContainer(decode(f[1]), ContainerId.of(decode(f[2])), decode(f[3]),
              DeleteContainer.Cause.valueOf(f[4]), decodeList(f[5]), decode(f[6])));
        }
        case "shortfall" -> {
          String[] f = fields(at, 6);
          List<VmId> vms = new ArrayList<>();
          decodeList(f[4]).forEach(v -> vms.add(VmId.of(v)));
          shortfalls.add(new Shortfall(ContentId.of(decode(f[1]), decode(f[2])),
              Shortfall.Limit.valueOf(f[3]), vms, decode(f[5])));
        }
        case "sizing" -> {
          String[] f = fields(at, 14);
          sizing.add(new GroupSizing(ContentId.of(decode(f[1]), decode(f[2])), GroupId.of(decode(f[3])),
              Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
              Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]),
              Integer.parseInt(f[10]), Integer.parseInt(f[11]), Integer.parseInt(f[12]), decode(f[13])));
        }
        case "capacity" -> {
          String[] f = fields(at, 4);
          capacity =
              new CapacityPreview(
                  Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
        case "finding" -> {
          String[] f = fields(at, 4);
          findings.add(new Finding(Finding.Kind.valueOf(f[1]), decode(f[2]), decode(f[3])));
        }
        default -> throw new IllegalArgumentException("unknown part '" + kind + "'");
      }
    }

    private CapacityPreview capacity = CapacityPreview.UNKNOWN;

    private String[] fields(int line, int count) {
      String[] f = lines[line].split(" ", -1);
      if (f.length != count) {
        throw new IllegalArgumentException(
            "plan text line " + (line + 1) + ": expected " + count + " fields, found " + f.length);
      }
      return f;
    }
  }
}
