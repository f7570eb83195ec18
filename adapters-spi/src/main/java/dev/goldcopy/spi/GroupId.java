package dev.goldcopy.spi;

/**
 * Identifies a replica group: the physical masters that hold the same content.
 *
 * @param value the identifier; not blank, no surrounding white space, no control characters
 */
public record GroupId(String value) {
  /**
   * Checks the identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public GroupId {
    Identifiers.check("groupId", value);
  }

  /**
   * Returns the identifier for {@code value}.
   *
   * @param value the identifier
   * @return the identifier
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public static GroupId of(String value) {
    return new GroupId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
