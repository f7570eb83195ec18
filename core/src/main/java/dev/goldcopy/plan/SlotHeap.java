package dev.goldcopy.plan;

/** A binary min-heap of slots by load, then index: the least-loaded master first. */
final class SlotHeap {
  private final MasterSlot[] items;
  private int size;

  SlotHeap(int capacity) {
    items = new MasterSlot[Math.max(1, capacity)];
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The least-loaded slot; the heap must not be empty. */
  MasterSlot peek() {
    return items[0];
  }

  void add(MasterSlot s) {
    int i = size++;
    items[i] = s;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(items[i], items[parent])) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  /** Drops the least-loaded slot. */
  void removeTop() {
    items[0] = items[--size];
    items[size] = null;
    siftTop();
  }

  /** Restores the order after the least-loaded slot's load grew. */
  void siftTop() {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int r = l + 1;
      int min = r < size && less(items[r], items[l]) ? r : l;
      if (!less(items[min], items[i])) {
        return;
      }
      swap(i, min);
      i = min;
    }
  }

  private static boolean less(MasterSlot a, MasterSlot b) {
    return a.load < b.load || (a.load == b.load && a.index < b.index);
  }

  private void swap(int i, int j) {
    MasterSlot t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
