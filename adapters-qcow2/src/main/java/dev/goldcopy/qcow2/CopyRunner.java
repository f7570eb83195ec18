package dev.goldcopy.qcow2;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Runs one {@code qemu-img convert} to its end, watching on the way whether the copy's container
 * was deleted (by this or another process) or the adapter closed; either stops the process.
 */
final class CopyRunner {
  /** How long a stopped process may take to exit before it is killed. */
  private static final long KILL_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ImageTool qemuImg;
  private final long pollMillis;
  private final BooleanSupplier closed;

  CopyRunner(ImageTool qemuImg, Duration pollInterval, BooleanSupplier closed) {
    this.qemuImg = qemuImg;
    this.pollMillis = Math.max(1, pollInterval.toMillis());
    this.closed = closed;
  }

  /** How the process ended. */
  record Exit(int code, String errors) {
    boolean succeeded() {
      return code == 0;
    }
  }

  /**
   * Copies the source into the copy's temporary target and flushes it to disk.
   *
   * @param copy the admitted copy
   * @param stillRecorded tells whether the copy's record still exists, read without the lock
   * @return how qemu-img ended
   * @throws IOException if qemu-img cannot be started or the copy cannot be flushed
   */
  Exit convert(RunningCopy copy, Predicate<RunningCopy> stillRecorded) throws IOException {
    Process process = qemuImg.startConvert(copy.source(), copy.target());
    copy.started(process);
    long stoppedAt = 0;
    boolean stopping = false;
    while (true) {
      try {
        if (process.waitFor(pollMillis, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        copy.abort();
        process.destroyForcibly();
        return new Exit(-1, "interrupted while copying");
      }
      if (!copy.aborted() && (closed.getAsBoolean() || !stillRecorded.test(copy))) {
        copy.abort();
      }
      if (copy.aborted()) {
        long now = System.nanoTime();
        if (!stopping) {
          stopping = true;
          stoppedAt = now;
        } else if (now - stoppedAt > KILL_AFTER_NANOS) {
          process.destroyForcibly();
        }
      }
    }
    int code = process.exitValue();
    String errors = code == 0 ? "" : QemuImg.errors(process);
    if (code == 0 && !copy.aborted()) {
      StoreRules.flush(copy.target());
    }
    return new Exit(code, errors);
  }

  /**
   * Sleeps one poll interval.
   *
   * @return false if the thread was interrupted
   */
  boolean pause() {
    try {
      Thread.sleep(pollMillis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
