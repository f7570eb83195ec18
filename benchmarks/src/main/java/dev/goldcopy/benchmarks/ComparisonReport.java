package dev.goldcopy.benchmarks;

import dev.goldcopy.spi.ArrayCapabilities;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints the makespan comparison as Markdown: one table per scenario, then a summary. */
final class ComparisonReport {
  /** Makespans this close (relative) count as a tie. */
  static final double TIE = 0.005;

  private ComparisonReport() {}

  /**
   * Prints one scenario's table: every strategy's makespan, its ratio to the bound and to
   * Goldcopy's, what it made, the wall time of the simulated run, and whether it was correct.
   *
   * @param result the scenario's results, Goldcopy's row first
   * @param out where the Markdown goes
   */
  static void scenario(MakespanComparison.Result result, PrintStream out) {
    MakespanComparison.Scenario scenario = result.scenario();
    ArrayCapabilities caps = result.capabilities();
    LowerBound bound = result.bound();
    out.printf(
        Locale.ROOT,
        "%n### %s%n%n%s: L = %s, %s concurrent copies, %s concurrent clones, %d GiB image%s%n%n",
        scenario.name(),
        scenario.profile().name(),
        count(caps.maxVirtualCopiesPerSource()),
        count(caps.maxConcurrentPhysicalCopies()),
        count(caps.maxConcurrentVirtualCopies()),
        scenario.imageBytes() >> 30,
        readLimit(scenario));
    out.println(
        "| strategy | simulated makespan | ÷ bound | ÷ Goldcopy | replicas | array calls"
            + " | limit refusals | wall time (median) | correct |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    ComparisonRow goldcopy = result.rows().get(0);
    for (ComparisonRow row : result.rows()) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %.3f | %.3f | %,d | %,d | %,d | %,d ms | %s |%n",
          row.strategy(),
          format(row.makespan()),
          row.ratioToBound(),
          MakespanComparison.seconds(row.makespan())
              / MakespanComparison.seconds(goldcopy.makespan()),
          row.check().replicas(),
          row.arrayCalls(),
          row.limitRefusals(),
          row.wallNanos() / 1_000_000,
          verdict(row));
    }
    out.printf(
        Locale.ROOT,
        "| lower bound (%s) | %s | 1.000 | | %,d | | | | |%n%n",
        bound.dominantTerm(),
        format(bound.value()),
        bound.replicas());
    out.printf(
        Locale.ROOT,
        "Lower bound terms: copy bandwidth %s, clone concurrency %s, critical path %s, fan-out %s.%n",
        format(bound.copyTerm()),
        format(bound.cloneTerm()),
        format(bound.criticalPathTerm()),
        format(bound.fanOutTerm()));
  }

  /**
   * Prints the summary: per scenario the bound, Goldcopy, the best baseline that finished
   * correctly, and who wins.
   *
   * @param results every scenario's results
   * @param out where the Markdown goes
   */
  static void summary(List<MakespanComparison.Result> results, PrintStream out) {
    out.printf(
        "%n### Summary%n%n| scenario | lower bound | Goldcopy | ÷ bound | best baseline"
            + " | its makespan | best baseline ÷ Goldcopy | result |%n");
    out.println("|---|---:|---:|---:|---|---:|---:|---|");
    for (MakespanComparison.Result result : results) {
      ComparisonRow goldcopy = result.rows().get(0);
      ComparisonRow best = null;
      for (ComparisonRow row : result.rows().subList(1, result.rows().size())) {
        if (row.baseline() && row.succeeded() && (best == null || row.makespan().compareTo(best.makespan()) < 0)) {
          best = row;
        }
      }
      if (best == null) {
        out.printf(
            Locale.ROOT,
            "| %s | %s | %s | %.3f | none finished | | | |%n",
            result.scenario().name(),
            format(result.bound().value()),
            format(goldcopy.makespan()),
            goldcopy.ratioToBound());
        continue;
      }
      double factor =
          MakespanComparison.seconds(best.makespan())
              / MakespanComparison.seconds(goldcopy.makespan());
      String outcome =
          !goldcopy.succeeded()
              ? "Goldcopy failed"
              : factor > 1 + TIE ? "Goldcopy wins" : factor < 1 - TIE ? "Goldcopy loses" : "tie";
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %.3f | %s | %s | %.3f | %s |%n",
          result.scenario().name(),
          format(result.bound().value()),
          format(goldcopy.makespan()),
          goldcopy.ratioToBound(),
          best.strategy(),
          format(best.makespan()),
          factor,
          outcome);
    }
  }

  private static String verdict(ComparisonRow row) {
    if (row.failure() != null) {
      return "stopped: " + row.failure();
    }
    return row.check().passed() ? "yes" : "NO: " + String.join("; ", row.check().problems());
  }

  private static String count(int limit) {
    return ArrayCapabilities.isLimited(limit) ? String.format(Locale.ROOT, "%,d", limit) : "no limit on";
  }

  private static String readLimit(MakespanComparison.Scenario scenario) {
    long read = scenario.profile().latency().perSourceReadBytesPerSecond();
    return read == 0 ? "" : String.format(Locale.ROOT, ", a source read at %d MiB/s", read >> 20);
  }

  /**
   * Formats a duration as seconds with one decimal and as hours, minutes and seconds.
   *
   * @param duration the duration
   * @return for example {@code 10,082.0 s (2 h 48 min)} or {@code 62.5 s}
   */
  static String format(Duration duration) {
    String seconds = String.format(Locale.ROOT, "%,.1f s", MakespanComparison.seconds(duration));
    if (duration.compareTo(Duration.ofHours(1)) >= 0) {
      return String.format(
          Locale.ROOT, "%s (%d h %02d min)", seconds, duration.toHours(), duration.toMinutesPart());
    }
    if (duration.compareTo(Duration.ofMinutes(1)) >= 0) {
      return String.format(
          Locale.ROOT,
          "%s (%d min %02d s)",
          seconds,
          duration.toMinutes(),
          duration.toSecondsPart());
    }
    return seconds;
  }
}
