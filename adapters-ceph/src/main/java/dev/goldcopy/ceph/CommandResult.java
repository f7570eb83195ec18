package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What one run of an external command gave.
 *
 * @param command the program and its arguments
 * @param exitCode the exit code (for the Ceph tools, an errno on failure)
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 * @param elapsed how long it ran
 */
record CommandResult(
    List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {

  CommandResult {
    command = List.copyOf(command);
    requireNonNull(stdout, "stdout");
    requireNonNull(stderr, "stderr");
    requireNonNull(elapsed, "elapsed");
  }

  /** Returns whether the command exited 0. */
  boolean succeeded() {
    return exitCode == 0;
  }

  /** Returns the command line as one string, for messages. */
  String commandLine() {
    return String.join(" ", command);
  }
}
