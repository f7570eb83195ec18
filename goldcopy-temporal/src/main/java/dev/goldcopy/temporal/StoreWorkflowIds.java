package dev.goldcopy.temporal;

import dev.goldcopy.spi.StoreRef;

/** The workflow ids of store workflows: one per store, derived from the tenant and the store. */
public final class StoreWorkflowIds {
  /** The prefix of every store workflow id. */
  public static final String PREFIX = "goldcopy-store/";

  private StoreWorkflowIds() {}

  /**
   * Returns the workflow id of a store's workflow: {@code goldcopy-store/<tenant>/<store>}, with
   * any {@code %} and {@code /} in the ids written {@code %25} and {@code %2F}, so that two stores
   * never share an id.
   *
   * @param store the tenant and store
   * @return the id
   */
  public static String of(StoreRef store) {
    return of(store.tenant().value(), store.store().value());
  }

  private static String escape(String id) {
    return id.replace("%", "%25").replace("/", "%2F");
  }

  /**
   * Returns the workflow id of a store's workflow.
   *
   * @param tenant the tenant
   * @param store the store
   * @return the id
   */
  public static String of(String tenant, String store) {
    return PREFIX + escape(tenant) + "/" + escape(store);
  }
}
