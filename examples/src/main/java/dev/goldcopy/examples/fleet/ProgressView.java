package dev.goldcopy.examples.fleet;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a run's progress: a live bar redrawn in place on a terminal, plain lines otherwise (a log
 * file, a CI job), so both read well.
 */
final class ProgressView {
  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private int lastPercent = -1;

  /**
   * Creates a view.
   *
   * @param out where to print
   * @param terminal whether {@code out} is a terminal that understands carriage returns
   */
  ProgressView(PrintStream out, boolean terminal) {
    this.out = requireNonNull(out, "out");
    this.terminal = terminal;
  }

  /**
   * Shows the progress now.
   *
   * @param done steps finished
   * @param total steps planned so far
   * @param replicas replicas made
   * @param clones clones made
   * @param elapsed virtual time since the start
   */
  void show(long done, long total, long replicas, long clones, Duration elapsed) {
    int percent = total == 0 ? 100 : (int) (100 * done / total);
    if (!terminal && percent / 10 == lastPercent / 10) {
      return; // plain output: one line per ten per cent
    }
    lastPercent = percent;
    int filled = BAR_WIDTH * percent / 100;
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d%%  steps %d/%d  replicas %d  clones %d  virtual time %s",
            "#".repeat(filled),
            ".".repeat(BAR_WIDTH - filled),
            percent,
            done,
            total,
            replicas,
            clones,
            format(elapsed));
    if (terminal) {
      out.print("\r" + line);
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the bar's line on a terminal. */
  void finish() {
    if (terminal) {
      out.println();
    }
  }

  /**
   * Formats a duration as hours, minutes and seconds.
   *
   * @param d the duration
   * @return for example {@code 1h02m03s}
   */
  static String format(Duration d) {
    return String.format(
        Locale.ROOT, "%dh%02dm%02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
