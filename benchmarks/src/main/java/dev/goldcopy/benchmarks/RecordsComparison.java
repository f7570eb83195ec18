package dev.goldcopy.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * <p>Prints the runs that differ other than in time (none is the goal), the runs whose times differ,
 * and the largest difference. Exits with status 1 if any run differs other than in time.
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
    List<String> before = Files.readAllLines(Path.of(args[0]));
    List<String> after = Files.readAllLines(Path.of(args[1]));
    Set<String> structural = new LinkedHashSet<>();
    Set<String> timed = new LinkedHashSet<>();
    long timeLines = 0;
    long largest = 0;
    String run = "(start)";
    if (before.size() != after.size()) {
      structural.add("the outputs have " + before.size() + " and " + after.size() + " lines");
    }
    for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
      String a = before.get(i);
      String b = after.get(i);
      if (a.contains(" calls=") && !a.startsWith("CallRecord")) {
        run = a.substring(0, a.indexOf(" calls=") - 17);
        a = DIGEST.matcher(a).replaceFirst(" ");
        b = DIGEST.matcher(b).replaceFirst(" ");
      }
      List<Long> ta = new ArrayList<>();
      List<Long> tb = new ArrayList<>();
      if (!strip(a, ta).equals(strip(b, tb)) || ta.size() != tb.size()) {
        structural.add(run);
        continue;
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
    System.out.printf(
        Locale.ROOT,
        "%d lines compared; runs that differ other than in time: %d %s%n"
            + "runs whose times differ: %d (%d lines), largest difference %d ns%n",
        before.size(),
        structural.size(),
        structural,
        timed.size(),
        timeLines,
        largest);
    if (!structural.isEmpty()) {
      System.exit(1);
    }
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
