package dev.goldcopy.ceph;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.TransientArrayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs external commands with a time limit and captures their output. Output goes to temporary
 * files, not pipes, so a command that writes much and a command that hangs are treated alike: the
 * runner waits for the process, never for a pipe, and kills it at the limit.
 */
final class CommandRunner {

  private final Path tempDir;

  /**
   * Creates a runner that keeps each command's output in a temporary file under {@code tempDir}
   * while the command runs.
   */
  CommandRunner(Path tempDir) {
    this.tempDir = requireNonNull(tempDir, "tempDir");
  }

  /**
   * Runs a command to its end.
   *
   * @throws TransientArrayException if it cannot start, outlives {@code timeout} (it is killed) or
   *     the waiting thread is interrupted (it is killed, and the interrupt flag is kept)
   */
  CommandResult run(List<String> command, Duration timeout) {
    return start(command).await(timeout);
  }

  /**
   * Starts a command and returns at once.
   *
   * @throws TransientArrayException if it cannot start
   */
  Running start(List<String> command) {
    List<String> line = List.copyOf(command);
    @Nullable Path out = null;
    @Nullable Path err = null;
    try {
      out = Files.createTempFile(tempDir, "goldcopy-cmd-", ".out");
      err = Files.createTempFile(tempDir, "goldcopy-cmd-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(line)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      // The command line says everything; an inherited CEPH_ARGS would add to it unseen.
      builder.environment().remove("CEPH_ARGS");
      builder.environment().put("LC_ALL", "C");
      return new Running(line, builder.start(), out, err, System.nanoTime());
    } catch (IOException e) {
      deleteQuietly(out);
      deleteQuietly(err);
      // The SPI's exceptions carry no cause; the message keeps the reason.
      throw new TransientArrayException("cannot run " + line.get(0) + ": " + e.getMessage());
    }
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temporary file is harmless.
    }
  }

  /** A command that was started: wait for it, or kill it. */
  static final class Running {
    private final List<String> command;
    private final Process process;
    private final Path out;
    private final Path err;
    private final long startNanos;

    private Running(List<String> command, Process process, Path out, Path err, long startNanos) {
      this.command = command;
      this.process = process;
      this.out = out;
      this.err = err;
      this.startNanos = startNanos;
    }

    /**
     * Waits for the command to end and returns what it gave.
     *
     * @throws TransientArrayException if it outlives {@code timeout} (it is killed) or the thread
     *     is interrupted (it is killed and the interrupt flag kept)
     */
    CommandResult await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
          kill();
          throw new TransientArrayException(
              String.join(" ", command) + " did not finish within " + timeout + "; killed");
        }
        return new CommandResult(
            command, process.exitValue(), read(out), read(err), elapsed());
      } catch (InterruptedException e) {
        kill();
        Thread.currentThread().interrupt();
        throw new TransientArrayException(
            "interrupted while waiting for " + String.join(" ", command));
      } finally {
        if (!process.isAlive()) {
          deleteQuietly(out);
          deleteQuietly(err);
        }
      }
    }

    /** Kills the command (SIGKILL) and waits for it to be gone; does nothing if it has ended. */
    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Returns whether the command still runs. */
    boolean isAlive() {
      return process.isAlive();
    }

    private Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String read(Path file) {
      try {
        // Not readString: a stray byte that is not UTF-8 must not turn a result into an error.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
