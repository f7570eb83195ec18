package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ArrayException;
import dev.goldcopy.spi.TransientArrayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** How the adapter reports what went wrong on its stages. */
final class Failures {
  private Failures() {}

  /**
   * Returns what a stage fails with for {@code e}: array errors as they are; a failed read or write
   * of the file store as a {@link TransientArrayException} (its outcome is unknown, and a retry
   * with the same name is safe); anything else as it is.
   */
  static Throwable of(Throwable e) {
    if (e instanceof ArrayException) {
      return e;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return new TransientArrayException("the file store failed: " + e);
    }
    return e;
  }

  /** Completes {@code to} as {@code from} completes, with the unwrapped failure. */
  static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
    from.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            to.complete(value);
          } else {
            Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure;
            to.completeExceptionally(cause);
          }
        });
  }
}
