package dev.goldcopy.spi;

/**
 * Identifies the tenant that owns a store and every container in it.
 *
 * @param value the identifier; not blank, no surrounding white space, no control characters
 */
public record TenantId(String value) {
  /**
   * Checks the identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public TenantId {
    Identifiers.check("tenantId", value);
  }

  /**
   * Returns the identifier for {@code value}.
   *
   * @param value the identifier
   * @return the identifier
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
