package dev.goldcopy.qcow2;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code qemu-img}. Every command's arguments are passed as a list (no shell), and its
 * messages are read in the C locale so they are the same everywhere.
 */
final class QemuImg implements ImageTool {
  /** The most bytes of a command's error output kept for a message. */
  private static final int MAX_MESSAGE_BYTES = 4096;

  private final String executable;

  QemuImg(String executable) {
    this.executable = executable;
  }

  /**
   * Makes a standalone qcow2 image: {@code qemu-img create -f qcow2 FILE SIZE}.
   *
   * @throws IOException if qemu-img cannot be started or the wait is interrupted
   */
  @Override
  public Result createImage(Path file, long sizeBytes) throws IOException {
    return run(List.of("create", "-q", "-f", "qcow2", file.toString(), Long.toString(sizeBytes)));
  }

  /**
   * Makes an overlay of {@code backing}: {@code qemu-img create -f qcow2 -u -b BACKING -F qcow2
   * FILE SIZE}. The backing path is stored as given, so a bare file name is found next to the
   * overlay wherever the overlay is moved in its directory; {@code -u} keeps qemu-img from opening
   * it relative to {@code file}'s temporary place, and the size comes from the backing image's
   * header.
   *
   * @throws IOException if qemu-img cannot be started or the wait is interrupted
   */
  @Override
  public Result createOverlay(Path file, String backing, long sizeBytes) throws IOException {
    return run(
        List.of(
            "create", "-q", "-f", "qcow2", "-u", "-b", backing, "-F", "qcow2", file.toString(),
            Long.toString(sizeBytes)));
  }

  /**
   * Starts a full, standalone copy: {@code qemu-img convert -O qcow2 SOURCE TARGET}.
   *
   * @return the running process; its error output is a pipe to read when it ends
   * @throws IOException if qemu-img cannot be started
   */
  @Override
  public Process startConvert(Path source, Path target) throws IOException {
    return start(
        List.of("convert", "-q", "-f", "qcow2", "-O", "qcow2", source.toString(), target.toString()));
  }

  /**
   * Returns the version line of {@code qemu-img --version}.
   *
   * @throws IOException if qemu-img cannot be started
   */
  @Override
  public String version() throws IOException {
    Process p =
        new ProcessBuilder(executable, "--version")
            .redirectErrorStream(true)
            .start();
    String out = readSome(p.getInputStream());
    waitFor(p);
    int newline = out.indexOf('\n');
    return newline < 0 ? out.strip() : out.substring(0, newline).strip();
  }

  /** Reads what a finished (or killed) process wrote to its error output. */
  static String errors(Process process) {
    try {
      return readSome(process.getErrorStream()).strip();
    } catch (IOException e) {
      return "(error output unreadable: " + e.getMessage() + ")";
    }
  }

  private Result run(List<String> args) throws IOException {
    Process p = start(args);
    String errors = readSome(p.getErrorStream()).strip();
    return new Result(waitFor(p), errors);
  }

  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add(executable);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("LC_ALL", "C");
    return builder.start();
  }

  private static int waitFor(Process p) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while qemu-img ran");
    }
  }

  /** Reads a stream to its end, keeping the first {@link #MAX_MESSAGE_BYTES} bytes. */
  private static String readSome(InputStream in) throws IOException {
    byte[] kept = new byte[MAX_MESSAGE_BYTES];
    int length = 0;
    byte[] chunk = new byte[1024];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      int keep = Math.min(n, kept.length - length);
      System.arraycopy(chunk, 0, kept, length, keep);
      length += keep;
    }
    return new String(kept, 0, length, StandardCharsets.UTF_8);
  }
}
