package dev.goldcopy.spi.kit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Counts the kit's checks that passed, failed and were skipped for one vendor class, prints the
 * count when the class ends, and fails the class if no check ran at all: a kit run that checks
 * nothing must not look green.
 */
final class KitReport implements TestWatcher, AfterAllCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(KitReport.class);

  /** Creates the extension; JUnit calls it. */
  KitReport() {}

  @Override
  public void testSuccessful(ExtensionContext context) {
    counter(context, "passed").incrementAndGet();
  }

  @Override
  public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
    counter(context, "failed").incrementAndGet();
  }

  @Override
  public void testAborted(ExtensionContext context, @Nullable Throwable cause) {
    counter(context, "skipped").incrementAndGet();
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    counter(context, "skipped").incrementAndGet();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (top(context) != context) {
      return; // a nested group ended; the vendor's class reports once, at its end
    }
    int passed = counter(context, "passed").get();
    int failed = counter(context, "failed").get();
    int skipped = counter(context, "skipped").get();
    System.out.printf(
        "Goldcopy conformance kit on %s: %d checks passed, %d failed, %d skipped%n",
        context.getRequiredTestClass().getSimpleName(), passed, failed, skipped);
    if (passed + failed == 0) {
      throw new AssertionError(
          "the Goldcopy conformance kit ran no check on "
              + context.getRequiredTestClass().getName()
              + " ("
              + skipped
              + " skipped): check the fixture's capabilities and any test filter");
    }
  }

  private static AtomicInteger counter(ExtensionContext context, String key) {
    AtomicInteger counter =
        top(context).getStore(NS).getOrComputeIfAbsent(key, k -> new AtomicInteger(), AtomicInteger.class);
    return java.util.Objects.requireNonNull(counter, key);
  }

  /** The context of the vendor's class: the outermost class context above {@code context}. */
  private static ExtensionContext top(ExtensionContext context) {
    ExtensionContext top = context;
    for (Optional<ExtensionContext> p = context.getParent(); p.isPresent(); p = p.get().getParent()) {
      if (p.get().getTestClass().isPresent()) {
        top = p.get();
      }
    }
    return top;
  }
}
