package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

/**
 * Names a tenant store together with the tenant on whose behalf a call is made. Every
 * {@link ArrayAdapter} call carries one, and the array refuses a call whose tenant does not own
 * the store with {@link AccessDeniedException}.
 *
 * @param tenant the calling tenant
 * @param store the store the call is about
 */
public record StoreRef(TenantId tenant, StoreId store) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if either part is null
   */
  public StoreRef {
    requireNonNull(tenant, "tenant");
    requireNonNull(store, "store");
  }

  /**
   * Returns a reference to {@code store} on behalf of {@code tenant}.
   *
   * @param tenant the tenant's identifier
   * @param store the store's identifier
   * @return the reference
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is blank or malformed
   */
  public static StoreRef of(String tenant, String store) {
    return new StoreRef(TenantId.of(tenant), StoreId.of(store));
  }

  @Override
  public String toString() {
    return tenant + "/" + store;
  }
}
