package dev.goldcopy.qcow2;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The real qemu-img, except that copies can be made to fail for real: a failing copy converts a
 * source that does not exist, and qemu-img reports it as it would any unreadable image.
 */
final class FailableQemuImg implements ImageTool {
  private final QemuImg real = new QemuImg("qemu-img");
  private volatile boolean failCopies;

  void failCopies(boolean value) {
    failCopies = value;
  }

  @Override
  public Result createImage(Path file, long sizeBytes) throws IOException {
    return real.createImage(file, sizeBytes);
  }

  @Override
  public Result createOverlay(Path file, String backing, long sizeBytes) throws IOException {
    return real.createOverlay(file, backing, sizeBytes);
  }

  @Override
  public Process startConvert(Path source, Path target) throws IOException {
    Path from = failCopies ? source.resolveSibling(".missing-" + source.getFileName()) : source;
    return real.startConvert(from, target);
  }

  @Override
  public String version() throws IOException {
    return real.version();
  }
}
