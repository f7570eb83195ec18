package dev.goldcopy.spi.kit;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the kit's chain of check groups (each group a class extending the one before, so a
 * vendor's one subclass inherits every check and reports them under its own name): opens a fresh fixture and session before each check, and
 * after it deletes what the check made and verifies that nothing of it is left.
 */
abstract class KitChecks {
  private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
  private @Nullable ConformanceFixture fixture;
  private @Nullable KitSession session;

  KitChecks() {}

  /**
   * Returns a new fixture for one check: the adapter under test, its stores and its admin path.
   *
   * @return the fixture, which the kit closes after the check
   */
  protected abstract ConformanceFixture createFixture();

  @BeforeEach
  final void openSession() {
    ConformanceFixture f = createFixture();
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
