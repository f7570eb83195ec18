package dev.goldcopy.sim;

import dev.goldcopy.spi.ContainerId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every container of the array by id. The array names its containers {@code sim-1}, {@code
 * sim-2}, ... in the order it makes them, so container {@code n} sits at index {@code n - 1} of one
 * array and a removed one leaves a null: a lookup reads the number from the id, with no hash and no
 * entry object per container, and an id of any other form names no container. Iterates in the
 * order the containers were made. Ids are never used twice, so the array grows with every
 * container ever made, by one reference each. Not thread-safe: {@link SimulatedArray} guards it.
 */
final class ContainersById {
  private static final String PREFIX = "sim-";
  /** More digits than this could overflow a {@code long}; no id made here has so many. */
  private static final int MAX_DIGITS = 18;

  private SimContainer[] byNumber = new SimContainer[16];
  /** The highest number made so far. */
  private long last;

  /** Returns the id of the next container made. */
  ContainerId nextId() {
    last++;
    return ContainerId.of(PREFIX + last);
  }

  /** Indexes {@code c}, whose id {@link #nextId} made. */
  void add(SimContainer c) {
    long n = number(c.id().value());
    if (n < 1 || n > last) {
      throw new IllegalArgumentException("not an id this array made: " + c.id());
    }
    int index = (int) (n - 1);
    if (index >= byNumber.length) {
      SimContainer[] bigger = new SimContainer[Math.max(byNumber.length * 2, index + 1)];
      System.arraycopy(byNumber, 0, bigger, 0, byNumber.length);
      byNumber = bigger;
    }
    byNumber[index] = c;
  }

  /** Returns the container with id {@code id}, or null. */
  @Nullable SimContainer get(ContainerId id) {
    String value = id.value();
    long n = number(value);
    if (n < 1 || n > byNumber.length) {
      return null;
    }
    SimContainer c = byNumber[(int) (n - 1)];
    // "sim-01" reads as 1 too, but is not container 1's id
    return c != null && c.id().value().equals(value) ? c : null;
  }

  /** Takes {@code c} out. */
  void remove(SimContainer c) {
    long n = number(c.id().value());
    if (n >= 1 && n <= byNumber.length && byNumber[(int) (n - 1)] == c) {
      byNumber[(int) (n - 1)] = null;
    }
  }

  /** The containers on the array, in the order they were made; a new list. */
  List<SimContainer> values() {
    List<SimContainer> out = new ArrayList<>();
    int end = (int) Math.min(last, byNumber.length);
    for (int i = 0; i < end; i++) {
      SimContainer c = byNumber[i];
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The number of an id of the form {@code sim-<digits>}, or -1 for any other id. */
  private static long number(String value) {
    int digits = value.length() - PREFIX.length();
    if (digits < 1 || digits > MAX_DIGITS || !value.startsWith(PREFIX)) {
      return -1;
    }
    long n = 0;
    for (int i = PREFIX.length(); i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      n = n * 10 + (ch - '0');
    }
    return n;
  }
}
