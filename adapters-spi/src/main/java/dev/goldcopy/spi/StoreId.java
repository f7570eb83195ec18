package dev.goldcopy.spi;

/**
 * Identifies a tenant store: a storage pool, datastore or volume group shared by a set of hosts.
 *
 * @param value the identifier; not blank, no surrounding white space, no control characters
 */
public record StoreId(String value) {
  /**
   * Checks the identifier.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public StoreId {
    Identifiers.check("storeId", value);
  }

  /**
   * Returns the identifier for {@code value}.
   *
   * @param value the identifier
   * @return the identifier
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or malformed
   */
  public static StoreId of(String value) {
    return new StoreId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
