package dev.goldcopy.qcow2;

import dev.goldcopy.spi.ContainerId;
import dev.goldcopy.spi.StoreId;
import java.util.Optional;

/**
 * The adapter's container ids: {@code STORE/NAME#TOKEN}. The store says which store the id belongs
 * to (so another store's id is recognised and refused), the name finds the files, and the token,
 * drawn at random when the container is made, tells this container from an earlier one of the same
 * name that was deleted. Names never hold {@code /} or {@code #}; store ids may hold {@code /}.
 */
final class ContainerIds {
  private ContainerIds() {}

  /** The parts of an id. */
  record Parts(StoreId store, String name, String token) {}

  static ContainerId format(StoreId store, String name, String token) {
    return ContainerId.of(store.value() + "/" + name + "#" + token);
  }

  /**
   * Splits an id into its parts.
   *
   * @param id any container id
   * @return the parts, or empty if the id was not made by this adapter
   */
  static Optional<Parts> parse(ContainerId id) {
    String value = id.value();
    int hash = value.lastIndexOf('#');
    int slash = hash < 0 ? -1 : value.lastIndexOf('/', hash);
    if (slash <= 0 || hash <= slash + 1 || hash == value.length() - 1) {
      return Optional.empty();
    }
    String store = value.substring(0, slash);
    if (!store.strip().equals(store)) {
      return Optional.empty();
    }
    return Optional.of(
        new Parts(StoreId.of(store), value.substring(slash + 1, hash), value.substring(hash + 1)));
  }
}
