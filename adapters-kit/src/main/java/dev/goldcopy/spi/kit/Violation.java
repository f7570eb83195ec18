package dev.goldcopy.spi.kit;

/**
 * Builds the message of a failed check: the rule of the SPI contract, what the kit called, what it
 * expected and what happened, one per line, so that a vendor can act on it without reading the
 * kit.
 */
final class Violation {
  private Violation() {}

  /**
   * Returns the error for a broken rule.
   *
   * @param rule the rule, as the SPI's javadoc states it
   * @param call what the kit called
   * @param expected what the rule requires
   * @param happened what the adapter did
   * @return the error to throw
   */
  static AssertionError of(String rule, String call, String expected, String happened) {
    return new AssertionError(
        "\nRule:     " + rule
            + "\nCalled:   " + call
            + "\nExpected: " + expected
            + "\nHappened: " + happened);
  }

  /**
   * Returns the error for a broken rule caused by an exception.
   *
   * @param rule the rule
   * @param call what the kit called
   * @param expected what the rule requires
   * @param cause what the adapter threw or failed with
   * @return the error to throw, with {@code cause} attached
   */
  static AssertionError of(String rule, String call, String expected, Throwable cause) {
    AssertionError e = of(rule, call, expected, describe(cause));
    e.initCause(cause);
    return e;
  }

  /** Names an exception by its simple class name and message. */
  static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
