package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Every container in one tenant store at one moment, as the array reports it.
 *
 * @param store the store listed
 * @param containers its containers, in the array's order; ids and names are unique
 */
public record Inventory(StoreRef store, List<Container> containers) {
  /**
   * Checks the listing and takes an immutable copy.
   *
   * @throws NullPointerException if an argument or a container is null
   * @throws IllegalArgumentException naming the field if a container belongs to another store, or
   *     an id or name appears twice
   */
  public Inventory {
    requireNonNull(store, "store");
    containers = List.copyOf(containers);
    DistinctCheck ids = new DistinctCheck(containers.size());
    DistinctCheck names = new DistinctCheck(containers.size());
    for (Container c : containers) {
      if (!c.store().equals(store)) {
        throw new IllegalArgumentException(
            "containers: " + c.name() + " belongs to " + c.store() + ", not " + store);
      }
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("containers: duplicate id " + c.id());
      }
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("containers: duplicate name " + c.name());
      }
    }
  }

  /**
   * Returns an empty inventory of {@code store}.
   *
   * @param store the store
   * @return an inventory with no containers
   */
  public static Inventory empty(StoreRef store) {
    return new Inventory(store, List.of());
  }

  /**
   * Finds the container with identifier {@code id}.
   *
   * @param id the identifier
   * @return the container, or empty if the store holds none with that id
   */
  public Optional<Container> find(ContainerId id) {
    requireNonNull(id, "id");
    return containers.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Finds the container created with {@code name}.
   *
   * @param name the name
   * @return the container, or empty if the store holds none with that name
   */
  public Optional<Container> findByName(String name) {
    requireNonNull(name, "name");
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
