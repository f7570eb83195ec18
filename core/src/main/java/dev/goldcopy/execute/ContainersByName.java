package dev.goldcopy.execute;

import dev.goldcopy.spi.Container;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The containers of an inventory by name, as a map of names would find them (a later container of
 * the same name replaces an earlier one), in one open-addressing table (linear probing, at most
 * three quarters full) rather than an entry object per container, with each name's hash kept
 * beside its slot so that a probe reads no container but the one it finds: the index the result of
 * a run of a million clones is read from.
 */
final class ContainersByName {
  private final Container[] table;
  private final int[] hashes;

  ContainersByName(List<Container> containers) {
    int capacity = 16;
    while (capacity * 3L < containers.size() * 4L) {
      capacity *= 2;
    }
    table = new Container[capacity];
    hashes = new int[capacity];
    int mask = capacity - 1;
    for (Container c : containers) {
      String name = c.name();
      int hash = name.hashCode();
      int i = slot(hash, capacity);
      while (table[i] != null && !(hashes[i] == hash && table[i].name().equals(name))) {
        i = (i + 1) & mask;
      }
      table[i] = c;
      hashes[i] = hash;
    }
  }

  /** Returns the container named {@code name}, or null. */
  @Nullable Container get(String name) {
    int hash = name.hashCode();
    int mask = table.length - 1;
    for (int i = slot(hash, table.length); ; i = (i + 1) & mask) {
      Container c = table[i];
      if (c == null || (hashes[i] == hash && c.name().equals(name))) {
        return c;
      }
    }
  }

  /** The home slot of a hash in a table of {@code capacity} (a power of two): Fibonacci hashing. */
  private static int slot(int hash, int capacity) {
    return (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(capacity - 1);
  }
}
