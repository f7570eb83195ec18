package dev.goldcopy.qcow2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for qemu-img that writes minimal qcow2 headers, so the adapter's rules run where
 * qemu-img is not installed. Copies wait at a gate the test opens, and can be made to fail.
 */
final class FakeImageTool implements ImageTool {
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile boolean failCopies;
  final AtomicInteger converts = new AtomicInteger();
  final AtomicInteger overlays = new AtomicInteger();

  /** Holds every copy started from now on until {@link #openGate()}. */
  void closeGate() {
    gate = new CountDownLatch(1);
  }

  void openGate() {
    gate.countDown();
  }

  void failCopies(boolean value) {
    failCopies = value;
  }

  /** A qcow2 header of {@code size} bytes with an optional backing file name, as qemu lays it out. */
  static byte[] header(long size, @Nullable String backing) {
    byte[] name = backing == null ? new byte[0] : backing.getBytes(StandardCharsets.UTF_8);
    int offset = 112;
    ByteBuffer b = ByteBuffer.allocate(offset + name.length);
    b.putInt(0, Qcow2Header.MAGIC);
    b.putInt(4, 3);
    if (backing != null) {
      b.putLong(8, offset);
      b.putInt(16, name.length);
    }
    b.putInt(20, 16);
    b.putLong(24, size);
    b.put(offset, name);
    return b.array();
  }

  @Override
  public Result createImage(Path file, long sizeBytes) throws IOException {
    Files.write(file, header((sizeBytes + 511) / 512 * 512, null), StandardOpenOption.CREATE_NEW);
    return new Result(0, "");
  }

  @Override
  public Result createOverlay(Path file, String backing, long sizeBytes) throws IOException {
    overlays.incrementAndGet();
    Files.write(file, header(sizeBytes, backing), StandardOpenOption.CREATE_NEW);
    return new Result(0, "");
  }

  @Override
  public Process startConvert(Path source, Path target) {
    converts.incrementAndGet();
    return new FakeConvert(source, target, gate, failCopies);
  }

  @Override
  public String version() {
    return "fake qemu-img";
  }

  /** A copy running on its own thread, like a process. */
  private static final class FakeConvert extends Process {
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile String errors = "";

    FakeConvert(Path source, Path target, CountDownLatch gate, boolean fail) {
      Thread t =
          new Thread(
              () -> {
                try {
                  gate.await();
                  if (exit.isDone()) {
                    return;
                  }
                  if (fail) {
                    errors = "qemu-img: fake failure";
                    exit.complete(1);
                    return;
                  }
                  long size = Qcow2Header.read(source).orElseThrow().sizeBytes();
                  Files.write(target, header(size, null));
                  exit.complete(0);
                } catch (Exception e) {
                  errors = e.toString();
                  exit.complete(1);
                }
              },
              "fake-convert");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public OutputStream getOutputStream() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
      return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
      return new ByteArrayInputStream(errors.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int waitFor() throws InterruptedException {
      try {
        return exit.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
      try {
        exit.get(timeout, unit);
        return true;
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int exitValue() {
      Integer code = exit.getNow(null);
      if (code == null) {
        throw new IllegalThreadStateException("running");
      }
      return code;
    }

    @Override
    public void destroy() {
      exit.complete(143);
    }
  }
}
