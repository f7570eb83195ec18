package dev.goldcopy.spi;

/** Shared checks for the identifier records of this package. */
final class Identifiers {
  private Identifiers() {}

  /**
   * Checks that {@code value} is a usable identifier: not blank, no surrounding white space and no
   * control characters.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException naming {@code field} if the value is malformed
   */
  static String check(String field, String value) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (!value.strip().equals(value)) {
      throw new IllegalArgumentException(
          field + " must not start or end with white space: '" + value + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(field + " must not contain control characters");
      }
    }
    return value;
  }
}
