package dev.goldcopy.sim;

import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A binary min-heap whose elements know their position, so that any element can be removed, or
 * moved after its key changed, in {@code O(log n)}: what {@link java.util.PriorityQueue} does in
 * {@code O(n)}. An element may be in at most one heap at a time. Not thread-safe.
 *
 * @param <T> the element type
 */
final class IndexedHeap<T extends IndexedHeap.Node> {

  /** What an element of an {@link IndexedHeap} carries: its position, -1 when in no heap. */
  abstract static class Node {
    int heapIndex = -1;

    /** Returns whether the element is in a heap now. */
    final boolean inHeap() {
      return heapIndex >= 0;
    }
  }

  private final Comparator<? super T> order;
  private Object[] nodes = new Object[16];
  private int size;

  IndexedHeap(Comparator<? super T> order) {
    this.order = order;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Returns the least element, or null if the heap is empty. */
  @Nullable T peek() {
    return size == 0 ? null : at(0);
  }

  /** Adds {@code node}, which must be in no heap. */
  void add(T node) {
    if (node.heapIndex >= 0) {
      throw new IllegalStateException("the element is already in a heap");
    }
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
    }
    nodes[size] = node;
    node.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  /** Removes and returns the least element, or null if the heap is empty. */
  @Nullable T poll() {
    if (size == 0) {
      return null;
    }
    T head = at(0);
    remove(head);
    return head;
  }

  /** Removes {@code node} if it is in this heap; returns whether it was. */
  boolean remove(T node) {
    int i = node.heapIndex;
    if (i < 0 || i >= size || nodes[i] != node) {
      return false;
    }
    size--;
    T last = at(size);
    nodes[size] = null;
    node.heapIndex = -1;
    if (i < size) {
      nodes[i] = last;
      last.heapIndex = i;
      siftDown(i);
      siftUp(last.heapIndex);
    }
    return true;
  }

  /** Restores the order after {@code node}'s key changed; the node must be in this heap. */
  void changed(T node) {
    int i = node.heapIndex;
    if (i < 0 || i >= size || nodes[i] != node) {
      throw new IllegalStateException("the element is not in this heap");
    }
    siftUp(i);
    siftDown(node.heapIndex);
  }

  @SuppressWarnings("unchecked")
  private T at(int i) {
    return (T) nodes[i];
  }

  private void siftUp(int from) {
    int i = from;
    T node = at(i);
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      T p = at(parent);
      if (order.compare(node, p) >= 0) {
        break;
      }
      nodes[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    nodes[i] = node;
    node.heapIndex = i;
  }

  private void siftDown(int from) {
    int i = from;
    T node = at(i);
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      T c = at(child);
      int right = child + 1;
      if (right < size && order.compare(at(right), c) < 0) {
        child = right;
        c = at(child);
      }
      if (order.compare(node, c) <= 0) {
        break;
      }
      nodes[i] = c;
      c.heapIndex = i;
      i = child;
    }
    nodes[i] = node;
    node.heapIndex = i;
  }
}
