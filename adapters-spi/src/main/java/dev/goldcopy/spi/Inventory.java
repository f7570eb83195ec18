package dev.goldcopy.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    requireNonNull(containers, "containers");
    containers = IndexedContainers.of(store, containers);
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
   * Finds the container with identifier {@code id}, by a table built when the listing was checked.
   *
   * @param id the identifier
   * @return the container, or empty if the store holds none with that id
   */
  public Optional<Container> find(ContainerId id) {
    requireNonNull(id, "id");
    int at = indexed().indexOf(id);
    return at < 0 ? Optional.empty() : Optional.of(containers.get(at));
  }

  /**
   * Finds the container created with {@code name}, by a table built when the listing was checked.
   *
   * @param name the name
   * @return the container, or empty if the store holds none with that name
   */
  public Optional<Container> findByName(String name) {
    return Optional.ofNullable(named(name));
  }

  /**
   * Returns the container created with {@code name}, as {@link #findByName} finds it, or null: for
   * callers that look up a million names and would rather not wrap each answer.
   *
   * @param name the name
   * @return the container, or null if the store holds none with that name
   */
  public @Nullable Container named(String name) {
    int at = indexOfName(name);
    return at < 0 ? null : containers.get(at);
  }

  /**
   * Returns the position in {@link #containers()} of the container created with {@code name}, or
   * -1: for callers that keep their own records by position.
   *
   * @param name the name
   * @return its position, or -1 if the store holds none with that name
   */
  public int indexOfName(String name) {
    requireNonNull(name, "name");
    return indexed().indexOfName(name);
  }

  private IndexedContainers indexed() {
    return (IndexedContainers) containers;
  }
}
