package dev.goldcopy.plan;

/**
 * A binary min-heap of a group's slots by load, then position: the least-loaded master first, the
 * one that sorts first on a tie. Each entry is one {@code long}, the load in the high half and
 * the slot's position in the group's slot list in the low half, so a placement's sift touches one
 * small array rather than a slot object per level.
 *
 * <p>Loads and positions are below 2<sup>31</sup>: a load counts clones of one inventory and
 * demand, each held in a list.
 */
final class SlotHeap {
  private final long[] keys;
  private int size;

  SlotHeap(int capacity) {
    keys = new long[Math.max(1, capacity)];
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The position of the least-loaded slot; the heap must not be empty. */
  int peek() {
    return (int) keys[0];
  }

  /** Adds the slot at {@code position} with {@code load} clones. */
  void add(long load, int position) {
    int i = size++;
    long key = key(load, position);
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[i] = keys[parent];
      i = parent;
    }
    keys[i] = key;
  }

  /** Drops the least-loaded slot. */
  void removeTop() {
    long last = keys[--size];
    if (size > 0) {
      siftDown(last);
    }
  }

  /** Gives the least-loaded slot its new {@code load} and restores the order. */
  void updateTop(long load) {
    siftDown(key(load, (int) keys[0]));
  }

  private void siftDown(long key) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      long c = keys[child];
      int right = child + 1;
      if (right < size && keys[right] < c) {
        child = right;
        c = keys[right];
      }
      if (key <= c) {
        break;
      }
      keys[i] = c;
      i = child;
    }
    keys[i] = key;
  }

  private static long key(long load, int position) {
    return (load << 32) | position;
  }
}
