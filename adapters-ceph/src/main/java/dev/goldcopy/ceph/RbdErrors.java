package dev.goldcopy.ceph;

import dev.goldcopy.spi.AccessDeniedException;
import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.BusyException;
import dev.goldcopy.spi.ConflictException;
import dev.goldcopy.spi.ContainerNotFoundException;
import dev.goldcopy.spi.InsufficientCapacityException;
import dev.goldcopy.spi.TransientArrayException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed {@code rbd} or {@code ceph} run into the SPI's exception. The tools exit with the
 * errno of the failure and explain it on standard error in text, mixed with librbd's log lines.
 *
 * <table>
 *   <caption>Exit codes and the exceptions they become</caption>
 *   <tr><th>exit code</th><th>errno</th><th>exception</th></tr>
 *   <tr><td>2</td><td>ENOENT</td><td>{@link ContainerNotFoundException}</td></tr>
 *   <tr><td>17</td><td>EEXIST</td><td>{@link ConflictException}</td></tr>
 *   <tr><td>39</td><td>ENOTEMPTY (snapshots, linked clones)</td><td>{@link ConflictException}</td></tr>
 *   <tr><td>16</td><td>EBUSY: watchers (retryable) / protected snapshot</td>
 *       <td>{@link BusyException} / {@link ConflictException}</td></tr>
 *   <tr><td>1, 13</td><td>EPERM, EACCES (when the message says so)</td>
 *       <td>{@link AccessDeniedException}</td></tr>
 *   <tr><td>28, 122</td><td>ENOSPC, EDQUOT</td><td>{@link InsufficientCapacityException}</td></tr>
 *   <tr><td>any other</td><td>EAGAIN, ETIMEDOUT, a usage error, ...</td>
 *       <td>{@link TransientArrayException}</td></tr>
 * </table>
 *
 * <p>Some failures exit 0 ({@code rbd snap purge} on a protected snapshot, {@code rbd snap rm} of a
 * snapshot with v2 clones, which only moves it to the trash); callers read the result back instead
 * of trusting the exit code.
 */
final class RbdErrors {

  static final int ENOENT = 2;
  static final int EEXIST = 17;
  static final int EBUSY = 16;
  static final int EINVAL = 22;
  static final int ENOTEMPTY = 39;

  /** A librbd log line: "2026-11-30T09:38:02.072+0000 7f85fd4836c0 -1 librbd::...". */
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\S* \\p{XDigit}+ +-?\\d+ .*");

  private RbdErrors() {}

  /**
   * Returns the exception for a failed run.
   *
   * @param result a run that exited non-zero
   * @param what what the run was for, as the message starts ("clone of gold as vm-1")
   */
  static ArrayException toException(CommandResult result, String what) {
    int code = result.exitCode();
    String message = what + ": " + summary(result.stderr()) + " (exit " + code + ")";
    String lower = result.stderr().toLowerCase(java.util.Locale.ROOT);
    switch (code) {
      case ENOENT:
        return new ContainerNotFoundException(message);
      case EEXIST:
      case ENOTEMPTY:
        return new ConflictException(message);
      case EBUSY:
        return lower.contains("protected")
            ? new ConflictException(message)
            : new BusyException(message);
      case 1:
      case 13:
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
          return new AccessDeniedException(message);
        }
        return new TransientArrayException(message);
      case 28:
      case 122:
        return new InsufficientCapacityException(message);
      default:
        return new TransientArrayException(message);
    }
  }

  /**
   * Returns the tool's own words from standard error: librbd's timestamped log lines and empty
   * lines dropped, the rest joined with "; ".
   */
  static String summary(String stderr) {
    List<String> kept = new ArrayList<>();
    for (String raw : stderr.split("\\R")) {
      String line = raw.strip();
      Matcher embedded = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:").matcher(line);
      if (!LOG_LINE.matcher(line).matches() && embedded.find()) {
        // "rbd: flatten error: 2026-... -1 librbd::Operations: image has no parent": keep the
        // tool's part and the log line's text after its source.
        String logPart = line.substring(embedded.start());
        line = line.substring(0, embedded.start()).strip() + " " + logText(logPart);
      } else if (LOG_LINE.matcher(line).matches()) {
        continue;
      }
      if (!line.isBlank()) {
        kept.add(line.strip());
      }
    }
    return kept.isEmpty() ? "no message" : String.join("; ", kept);
  }

  /** "2026-... 7f12ac257380 -1 librbd::Operations: image has no parent" -> "image has no parent". */
  private static String logText(String logLine) {
    int colon = logLine.indexOf(": ", logLine.indexOf(" -"));
    return colon < 0 ? "" : logLine.substring(colon + 2);
  }
}
