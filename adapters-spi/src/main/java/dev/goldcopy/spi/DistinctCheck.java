package dev.goldcopy.spi;

import org.jspecify.annotations.Nullable;

/**
 * The values seen so far, for a check that none repeats: what {@code HashSet.add} answers, in one
 * open-addressing table (linear probing, at most three quarters full, each entry's hash kept beside
 * it) sized once for the values to come, rather than an entry object per value. An inventory of a
 * million containers is checked for repeated ids and names with it.
 */
final class DistinctCheck {
  private final @Nullable Object[] table;
  private final int[] hashes;
  private final int shift;

  /** Makes a check for at most {@code expected} values. */
  DistinctCheck(int expected) {
    int capacity = 16;
    while (capacity * 3L < expected * 4L && capacity < (1 << 30)) {
      capacity *= 2;
    }
    table = new Object[capacity];
    hashes = new int[capacity];
    shift = Integer.numberOfLeadingZeros(capacity - 1);
  }

  /**
   * Notes {@code value}.
   *
   * @return true if no equal value was seen before
   */
  boolean add(Object value) {
    int h = value.hashCode();
    int mask = table.length - 1;
    for (int i = (h * 0x9E3779B9) >>> shift; ; i = (i + 1) & mask) {
      Object seen = table[i];
      if (seen == null) {
        table[i] = value;
        hashes[i] = h;
        return true;
      }
      if (hashes[i] == h && seen.equals(value)) {
        return false;
      }
    }
  }
}
