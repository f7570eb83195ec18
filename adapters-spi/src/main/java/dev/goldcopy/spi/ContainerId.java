package dev.goldcopy.spi;

/**
 * Identifies a container (volume, LUN) as the array names it; assigned by the array.
 *
 * @param value the identifier; not blank, no surrounding white space, no control characters
 */
public record ContainerId(String value) {
  /**
   * Checks the identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public ContainerId {
    Identifiers.check("containerId", value);
  }

  /**
   * Returns the identifier for {@code value}.
   *
   * @param value the identifier
   * @return the identifier
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public static ContainerId of(String value) {
    return new ContainerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
