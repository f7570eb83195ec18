package dev.goldcopy.spi.kit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every group of checks: opens a fresh fixture and session before each check, and
 * after it deletes what the check made and verifies that nothing of it is left.
 */
abstract class KitChecks {
  private final Supplier<ConformanceFixture> factory;
  private final String token;
  private @Nullable ConformanceFixture fixture;
  private @Nullable KitSession session;

  KitChecks(Supplier<ConformanceFixture> factory, String token) {
    this.factory = factory;
    this.token = token;
  }

  @BeforeEach
  final void openSession() {
    ConformanceFixture f = factory.get();
    fixture = f;
    session = new KitSession(f, token);
  }

  @AfterEach
  final void closeSession() {
    ConformanceFixture f = fixture;
    KitSession s = session;
    fixture = null;
    session = null;
    try {
      if (s != null) {
        s.cleanUpAndCheck();
      }
    } finally {
      if (f != null) {
        try {
          f.close();
        } catch (Exception e) {
          throw new IllegalStateException("the fixture's close() failed", e);
        }
      }
    }
  }

  /** The session of the running check. */
  final KitSession kit() {
    KitSession s = session;
    if (s == null) {
      throw new IllegalStateException("no check is running");
    }
    return s;
  }
}
