package dev.goldcopy.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.StoreRef;
import java.util.HashSet;
import java.util.List;

/** The argument checks every baseline strategy's {@code provision} makes before any array call. */
final class ProvisionArguments {
  private ProvisionArguments() {}

  /**
   * Checks a baseline's arguments.
   *
   * @param store the calling tenant and store
   * @param origin the origin master
   * @param cloneNames the virtual copies to make
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code origin} is not a ready master or a name repeats
   */
  static void check(StoreRef store, Container origin, List<String> cloneNames) {
    requireNonNull(store, "store");
    requireNonNull(origin, "origin");
    requireNonNull(cloneNames, "cloneNames");
    if (!origin.isMaster() || !origin.isReady()) {
      throw new IllegalArgumentException("origin must be a ready master: " + origin.name());
    }
    if (new HashSet<>(cloneNames).size() != cloneNames.size()) {
      throw new IllegalArgumentException("cloneNames must be distinct");
    }
  }
}
