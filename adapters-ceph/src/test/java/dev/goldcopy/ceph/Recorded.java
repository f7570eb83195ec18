package dev.goldcopy.ceph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Outputs of the rbd and ceph tools recorded from a real cluster (Ceph 16.2.15). */
final class Recorded {
  private Recorded() {}

  static String read(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream("recorded/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded output " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A failed run with the recorded standard error. */
  static CommandResult failed(int exitCode, String stderrFile) {
    return new CommandResult(
        java.util.List.of("rbd"), exitCode, "", read(stderrFile), java.time.Duration.ZERO);
  }
}
