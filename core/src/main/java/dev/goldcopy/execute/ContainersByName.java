package dev.goldcopy.execute;

import dev.goldcopy.spi.Container;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The containers of an inventory by name, as a map of names would find them (a later container of
 * the same name replaces an earlier one), in one open-addressing table (linear probing, at most
 * three quarters full) rather than an entry object per container: the index the result of a run
 * of a million clones is read from.
 */
final class ContainersByName {
  private final Container[] table;

  ContainersByName(List<Container> containers) {
    int capacity = 16;
    while (capacity * 3L < containers.size() * 4L) {
      capacity *= 2;
    }
    table = new Container[capacity];
    int mask = capacity - 1;
    for (Container c : containers) {
      int i = slot(c.name(), capacity);
      while (table[i] != null && !table[i].name().equals(c.name())) {
        i = (i + 1) & mask;
      }
      table[i] = c;
    }
  }

  /** Returns the container named {@code name}, or null. */
  @Nullable Container get(String name) {
    int mask = table.length - 1;
    for (int i = slot(name, table.length); ; i = (i + 1) & mask) {
      Container c = table[i];
      if (c == null || c.name().equals(name)) {
        return c;
      }
    }
  }

  /** The home slot of a name in a table of {@code capacity} (a power of two): Fibonacci hashing. */
  private static int slot(String name, int capacity) {
    return (name.hashCode() * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(capacity - 1);
  }
}
