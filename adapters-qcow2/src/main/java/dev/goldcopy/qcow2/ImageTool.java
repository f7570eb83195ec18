package dev.goldcopy.qcow2;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the adapter asks of an image tool: {@link QemuImg} in production; tests may put a stand-in
 * in its place to run the rules where qemu-img is not installed.
 */
interface ImageTool {

  /** What a finished command left. */
  record Result(int exitCode, String errors) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * Makes a standalone qcow2 image of {@code sizeBytes}.
   *
   * @throws IOException if the tool cannot be run
   */
  Result createImage(Path file, long sizeBytes) throws IOException;

  /**
   * Makes an overlay whose backing file is stored as {@code backing}, without opening it.
   *
   * @throws IOException if the tool cannot be run
   */
  Result createOverlay(Path file, String backing, long sizeBytes) throws IOException;

  /**
   * Starts a full, standalone copy of {@code source} into {@code target}.
   *
   * @return the running process; its error output holds the messages
   * @throws IOException if the tool cannot be started
   */
  Process startConvert(Path source, Path target) throws IOException;

  /**
   * Returns the tool's version line.
   *
   * @throws IOException if the tool cannot be run
   */
  String version() throws IOException;
}
