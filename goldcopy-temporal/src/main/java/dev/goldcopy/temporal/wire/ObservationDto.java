package dev.goldcopy.temporal.wire;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayCapabilities;
import dev.goldcopy.spi.Container;
import dev.goldcopy.spi.Inventory;
import dev.goldcopy.spi.StoreRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What one observation of a store found: the array's capabilities and the store's inventory.
 *
 * @param capabilities the capabilities
 * @param containers every container of the store, in the array's order
 */
public record ObservationDto(CapabilitiesDto capabilities, List<ContainerDto> containers) {

  /**
   * Checks the fields and takes an immutable copy.
   *
   * @throws NullPointerException if a field is null
   */
  public ObservationDto {
    requireNonNull(capabilities, "capabilities");
    containers = List.copyOf(containers);
  }

  /**
   * Writes an observation.
   *
   * @param capabilities the capabilities
   * @param inventory the inventory
   * @return its wire form
   */
  public static ObservationDto of(ArrayCapabilities capabilities, Inventory inventory) {
    List<ContainerDto> list = new ArrayList<>(inventory.containers().size());
    for (Container c : inventory.containers()) {
      list.add(ContainerDto.of(c));
    }
    return new ObservationDto(CapabilitiesDto.of(capabilities), list);
  }

  /**
   * Reads the inventory back.
   *
   * @param store the store observed
   * @return the inventory
   */
  public Inventory toInventory(StoreRef store) {
    List<Container> list = new ArrayList<>(containers.size());
    for (ContainerDto c : containers) {
      list.add(c.toContainer(store));
    }
    return new Inventory(store, list);
  }
}
