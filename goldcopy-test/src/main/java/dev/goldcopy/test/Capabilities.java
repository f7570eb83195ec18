package dev.goldcopy.test;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.sim.VendorProfile;
import dev.goldcopy.spi.ArrayCapabilities;

/**
 * Capabilities for planning a hand-made inventory: what a store of a vendor profile reports, with
 * no simulator. Change a field with {@link ArrayCapabilities#toBuilder()}.
 */
public final class Capabilities {
  private Capabilities() {}

  /**
   * Returns what an empty store of {@code profile} reports: the profile's limits, copy costs and
   * name rules; its store capacity, all free; nothing used on the array.
   *
   * @param profile the array
   * @return the capabilities
   */
  public static ArrayCapabilities of(VendorProfile profile) {
    return requireNonNull(profile, "profile").storeCapabilities();
  }

  /**
   * Returns what a store of {@code profile} with {@code freeBytes} free of its store capacity
   * reports, nothing used on the array.
   *
   * @param profile the array
   * @param freeBytes the free capacity, at most the profile's store capacity
   * @return the capabilities
   * @throws IllegalArgumentException if {@code freeBytes} is negative or above the capacity
   */
  public static ArrayCapabilities of(VendorProfile profile, long freeBytes) {
    return profile.capabilities(profile.storeCapacityBytes(), freeBytes, 0, 0);
  }
}
