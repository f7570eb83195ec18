package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ContentId;
import dev.goldcopy.spi.GroupId;
import dev.goldcopy.spi.StoreRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Two tenants' stores under one root, and waiting for stages in tests. */
final class TestStores {
  static final StoreRef ACME = StoreRef.of("acme", "pool-1");
  static final StoreRef GLOBEX = StoreRef.of("globex", "pool-9");
  static final ContentId IMAGE = ContentId.of("golden", "1");
  static final GroupId GROUP = GroupId.of("golden");
  static final long GIB = 1L << 30;

  private TestStores() {}

  /** A builder over {@code root} with both stores mapped and a short poll interval. */
  static Qcow2FileStoreAdapterBuilder builder(Path root) {
    return Qcow2FileStoreAdapter.builder(root)
        .store(ACME, "acme/pool-1")
        .store(GLOBEX, "globex/pool-9")
        .pollInterval(Duration.ofMillis(20));
  }

  /** The store directory of {@link #ACME} under {@code root}. */
  static Path acmeDir(Path root) {
    return root.resolve("acme/pool-1");
  }

  /** Waits for a stage and returns its value, or throws its failure unwrapped. */
  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException | CancellationException e) {
      throw new IllegalStateException("the stage did not complete in 60 s", e);
    }
  }

  /** Waits for a stage that must fail, and returns the failure. */
  static Throwable failure(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return cause == null ? e : cause;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException | CancellationException e) {
      throw new IllegalStateException("the stage did not complete in 60 s", e);
    }
    throw new AssertionError("the stage succeeded; a failure was expected");
  }
}
