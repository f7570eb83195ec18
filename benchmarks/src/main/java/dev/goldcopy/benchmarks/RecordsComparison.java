package dev.goldcopy.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two {@code SimulatorDigest --records} outputs line by line, where the virtual times in
 * them may differ by a few nanoseconds (two ways of computing the same copy's end round
 * differently) but nothing else may: the same calls, in the same order, with the same outcomes and
 * containers, the same peaks and faults.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.goldcopy.benchmarks.RecordsComparison before.txt after.txt
 * </pre>
 *
 * <p>Compares run by run and prints the runs that differ other than in time (none is the goal), the
 * runs whose times alone differ, and the largest time difference. Exits with status 1 if any run differs other than in time.
 */
public final class RecordsComparison {
  private static final Pattern DURATION = Pattern.compile("PT[0-9HMS.]+");
  private static final Pattern DIGEST = Pattern.compile(" [0-9a-f]{16} ");

  private RecordsComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args the two files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Map<String, List<String>> before = runs(Files.readAllLines(Path.of(args[0])));
    Map<String, List<String>> after = runs(Files.readAllLines(Path.of(args[1])));
    Set<String> structural = new LinkedHashSet<>();
    Set<String> timed = new LinkedHashSet<>();
    long timeLines = 0;
    long largest = 0;
    for (String run : before.keySet()) {
      if (!after.containsKey(run)) {
        structural.add(run + " (missing after)");
      }
    }
    for (Map.Entry<String, List<String>> entry : after.entrySet()) {
      String run = entry.getKey();
      List<String> a = before.get(run);
      List<String> b = entry.getValue();
      if (a == null || a.size() != b.size()) {
        structural.add(run);
        continue;
      }
      for (int i = 0; i < a.size(); i++) {
        List<Long> ta = new ArrayList<>();
        List<Long> tb = new ArrayList<>();
        String la = i == 0 ? DIGEST.matcher(a.get(i)).replaceFirst(" ") : a.get(i);
        String lb = i == 0 ? DIGEST.matcher(b.get(i)).replaceFirst(" ") : b.get(i);
        if (!strip(la, ta).equals(strip(lb, tb)) || ta.size() != tb.size()) {
          structural.add(run);
          break;
        }
        boolean differs = false;
        for (int t = 0; t < ta.size(); t++) {
          long d = Math.abs(ta.get(t) - tb.get(t));
          largest = Math.max(largest, d);
          differs |= d != 0;
        }
        if (differs) {
          timeLines++;
          timed.add(run);
        }
      }
    }
    timed.removeAll(structural);
    System.out.printf(
        Locale.ROOT,
        "%d runs compared; runs that differ other than in time: %d %s%n"
            + "runs whose times alone differ: %d (%d lines), largest difference %d ns%n",
        after.size(),
        structural.size(),
        structural,
        timed.size(),
        timeLines,
        largest);
    if (!structural.isEmpty()) {
      System.exit(1);
    }
  }

  /** Splits an output into its runs: each starts with the line that names it and its digest. */
  private static Map<String, List<String>> runs(List<String> lines) {
    Map<String, List<String>> runs = new LinkedHashMap<>();
    List<String> current = new ArrayList<>();
    for (String line : lines) {
      if (line.contains(" calls=") && !line.startsWith("CallRecord")) {
        current = new ArrayList<>();
        runs.put(line.substring(0, line.indexOf(" calls=") - 17), current);
      }
      current.add(line);
    }
    return runs;
  }

  /** Replaces each duration in {@code line} with a marker and collects it, in nanoseconds. */
  private static String strip(String line, List<Long> times) {
    Matcher m = DURATION.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      times.add(Duration.parse(m.group()).toNanos());
      m.appendReplacement(out, "T");
    }
    m.appendTail(out);
    return out.toString();
  }
}
