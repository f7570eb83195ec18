package dev.goldcopy.spi;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One checked, sorted set of label keys, shared by every label set that has exactly these keys.
 * Keys are checked once, when their set is first seen; a program writes the same few key sets on
 * millions of containers, so almost every label set finds its keys here already checked.
 *
 * <p>Each key set also remembers the last value seen at each position, so that label sets whose
 * values repeat (the same owner, role or content on every clone) share one string per value rather
 * than one per label set. The memory is a plain array written without locks: strings are immutable,
 * so a reader sees either an older or a newer value, and compares before it reuses one.
 */
final class LabelKeys {

  private static final String[] NO_VALUES = new String[0];

  static final LabelKeys NONE = new LabelKeys(new String[0], NO_VALUES);

  /** Enough for the key sets of any real program; beyond it, new key sets are simply not shared. */
  private static final int MAX_SHARED = 1024;

  private static final ConcurrentHashMap<LabelKeys, LabelKeys> SHARED = new ConcurrentHashMap<>();

  private final String[] sorted;
  private final int hash;
  private final @Nullable String[] lastValues;
  /**
   * The last label set with these keys that holds all its values itself, which later sets share
   * when they differ from it in a value or two. Written without locks: its fields are final, so a
   * reader sees it whole, whichever it sees.
   */
  private @Nullable LabelMap lastFull;

  private LabelKeys(String[] sorted, @Nullable String[] lastValues) {
    this.sorted = sorted;
    this.hash = Arrays.hashCode(sorted);
    this.lastValues = lastValues;
  }

  /**
   * Returns the shared key set equal to {@code sorted} (sorted, no duplicates), or null if it has
   * not been seen (and checked) yet.
   */
  static @Nullable LabelKeys lookup(String[] sorted) {
    if (sorted.length == 0) {
      return NONE;
    }
    return SHARED.get(new LabelKeys(sorted, NO_VALUES));
  }

  /**
   * Returns the key set of {@code sorted}, whose keys the caller has checked, shared from now on
   * unless too many key sets are shared already.
   */
  static LabelKeys register(String[] sorted) {
    if (sorted.length == 0) {
      return NONE;
    }
    LabelKeys keys = new LabelKeys(sorted, new String[sorted.length]);
    if (SHARED.size() >= MAX_SHARED) {
      return keys;
    }
    LabelKeys raced = SHARED.putIfAbsent(keys, keys);
    return raced == null ? keys : raced;
  }

  @Nullable LabelMap lastFull() {
    return lastFull;
  }

  void lastFull(LabelMap full) {
    if (this != NONE) {
      lastFull = full;
    }
  }

  String[] sorted() {
    return sorted;
  }

  int size() {
    return sorted.length;
  }

  boolean sameKeys(LabelKeys other) {
    return other == this || Arrays.equals(sorted, other.sorted);
  }

  /**
   * Returns {@code value} checked as the value at position {@code i}: the string last seen there if
   * equal (checked already), else {@code value} itself once checked.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value breaks the rules
   */
  String value(int i, @Nullable String value) {
    String last = lastValues[i];
    if (last != null && (last == value || last.equals(value))) {
      return last;
    }
    String checked = LabelRules.checkValue(sorted[i], value);
    lastValues[i] = checked;
    return checked;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LabelKeys other && hash == other.hash && Arrays.equals(sorted, other.sorted);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(sorted);
  }
}
