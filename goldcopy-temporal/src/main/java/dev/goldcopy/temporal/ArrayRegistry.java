package dev.goldcopy.temporal;

import static java.util.Objects.requireNonNull;

import dev.goldcopy.spi.ArrayAdapter;
import java.util.Map;

/**
 * How a worker finds the {@link ArrayAdapter} of an array: the embedding application provides it,
 * keyed by the array ids its store requests name. Adapters are called from many activity threads
 * at once, so they must be thread-safe (as the SPI requires).
 */
@FunctionalInterface
public interface ArrayRegistry {

  /**
   * Returns the adapter of an array.
   *
   * @param arrayId the array's id, as a store request names it
   * @return the adapter
   * @throws IllegalArgumentException if this worker does not know the array
   */
  ArrayAdapter adapter(String arrayId);

  /**
   * Returns a registry of fixed adapters.
   *
   * @param adapters the adapters by array id
   * @return the registry
   */
  static ArrayRegistry of(Map<String, ? extends ArrayAdapter> adapters) {
    Map<String, ArrayAdapter> copy = Map.copyOf(adapters);
    return arrayId -> {
      ArrayAdapter a = copy.get(requireNonNull(arrayId, "arrayId"));
      if (a == null) {
        throw new IllegalArgumentException("arrayId: this worker knows no array " + arrayId);
      }
      return a;
    };
  }
}
