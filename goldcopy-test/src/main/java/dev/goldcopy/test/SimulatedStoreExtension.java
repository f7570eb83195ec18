package dev.goldcopy.test;

import dev.goldcopy.sim.VendorProfile;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit Jupiter extension that injects a fresh {@link TestStore} into each test method that asks
 * for one, set up by {@link SimulatedStore}. One seed drives everything random in it (the
 * simulator and the executor's retry jitter, see {@link Seeds}); when the test fails, the seed is
 * printed to standard error and added to the failure as a suppressed exception, and {@code
 * -Dgoldcopy.seed=N} replays it.
 */
public final class SimulatedStoreExtension
    implements ParameterResolver, TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedStoreExtension.class);

  /** Creates the extension; JUnit does, through {@link SimulatedStore}. */
  public SimulatedStoreExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestStore.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return java.util.Objects.requireNonNull(context.getStore(NAMESPACE)
        .computeIfAbsent("store", k -> create(context), TestStore.class));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    TestStore store = context.getStore(NAMESPACE).get("store", TestStore.class);
    if (store != null) {
      String replay = "Simulated store " + store + "; replay with -D" + Seeds.PROPERTY + "="
          + store.seed();
      System.err.println(context.getDisplayName() + ": " + replay);
      failure.addSuppressed(new SeedReport(replay));
    }
    throw failure;
  }

  private static TestStore create(ExtensionContext context) {
    SimulatedStore settings = settings(context);
    VendorProfile profile = VendorProfile.builtIns().get(settings.profile());
    if (profile == null) {
      throw new ParameterResolutionException("@SimulatedStore profile \"" + settings.profile()
          + "\" is not one of " + VendorProfile.builtIns().keySet());
    }
    long fallback = settings.seed().isBlank()
        ? ThreadLocalRandom.current().nextLong()
        : Long.parseLong(settings.seed().trim());
    return TestStore.builder()
        .profile(profile)
        .seed(Seeds.fromPropertyOr(fallback))
        .origin(TestStore.DEFAULT_IMAGE, "golden", settings.originGiB() << 30)
        .build();
  }

  private static SimulatedStore settings(ExtensionContext context) {
    @Nullable SimulatedStore found = find(context.getTestMethod().map(m -> m));
    if (found == null) {
      found = find(context.getTestClass().map(c -> c));
    }
    return found != null
        ? found
        : java.util.Objects.requireNonNull(Defaults.class.getAnnotation(SimulatedStore.class));
  }

  private static @Nullable SimulatedStore find(Optional<AnnotatedElement> element) {
    return element.map(e -> e.getAnnotation(SimulatedStore.class)).orElse(null);
  }

  /** Carries the defaults of {@link SimulatedStore}. */
  @SimulatedStore
  private static final class Defaults {}

  /** The seed of a failed test, attached to its failure. */
  private static final class SeedReport extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SeedReport(String message) {
      super(message, null, false, false);
    }
  }
}
