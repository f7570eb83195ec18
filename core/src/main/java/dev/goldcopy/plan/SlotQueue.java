package dev.goldcopy.plan;

import java.util.Arrays;

/**
 * A group's slots in the order SPREAD placement takes them: the least-loaded master first, the
 * one at the lower position on a tie. Placing a clone raises the load of the slot taken by one,
 * so the slots are read level by level: the slots at the lowest load in position order, each
 * raised slot moving on to the next level in the same order, merged there with the slots that
 * started at that load. Each placement is a step along one small array, however many slots
 * there are.
 *
 * <p>Slots are added, each with its load, before the first is read. Loads and positions are below
 * 2<sup>31</sup>: a load counts clones of one inventory and demand, each held in a list.
 */
final class SlotQueue {
  /** The slots added, each its load (high half) and position (low half); sorted once read. */
  private final long[] waiting;
  private int waitingSize;
  private int waitingAt;
  /** The positions of the slots at {@link #load}, ascending; those before levelAt are done. */
  private int[] level = new int[0];
  private int levelSize;
  private int levelAt;
  /** The positions of the slots raised from this level to the next, ascending. */
  private int[] raised = new int[0];
  private int raisedSize;
  /** The array the next level is written into. */
  private int[] spare = new int[0];
  private long load;
  private boolean started;

  /** An empty queue for at most {@code capacity} slots. */
  SlotQueue(int capacity) {
    waiting = new long[Math.max(1, capacity)];
  }

  /** Adds the slot at {@code position} with {@code load} clones; before the first read. */
  void add(long load, int position) {
    if (started) {
      throw new IllegalStateException("slots are added before the first is read");
    }
    waiting[waitingSize++] = (load << 32) | position;
  }

  /** Whether no slot is left. */
  boolean isEmpty() {
    start();
    return levelAt >= levelSize;
  }

  /** The position of the least-loaded slot; the queue must not be empty. */
  int peek() {
    start();
    return level[levelAt];
  }

  /** Raises the least-loaded slot's load by one: it comes again on the next level. */
  void raiseTop() {
    raised[raisedSize++] = level[levelAt++];
    advance();
  }

  /** Drops the least-loaded slot. */
  void removeTop() {
    levelAt++;
    advance();
  }

  private void start() {
    if (!started) {
      started = true;
      Arrays.sort(waiting, 0, waitingSize);
      // Sized for the slots added: each level holds at most all of them.
      level = new int[waitingSize];
      raised = new int[waitingSize];
      spare = new int[waitingSize];
      advance();
    }
  }

  /** Once a level is done, merges the raised slots with those that start at the next load. */
  private void advance() {
    if (levelAt < levelSize) {
      return;
    }
    if (raisedSize == 0 && waitingAt == waitingSize) {
      levelAt = 0;
      levelSize = 0;
      return;
    }
    long next = raisedSize > 0 ? load + 1 : waiting[waitingAt] >>> 32;
    int[] into = spare;
    int n = 0;
    int r = 0;
    while (waitingAt < waitingSize && waiting[waitingAt] >>> 32 == next) {
      int position = (int) waiting[waitingAt++];
      while (r < raisedSize && raised[r] < position) {
        into[n++] = raised[r++];
      }
      into[n++] = position;
    }
    while (r < raisedSize) {
      into[n++] = raised[r++];
    }
    spare = level;
    level = into;
    levelSize = n;
    levelAt = 0;
    raisedSize = 0;
    load = next;
  }
}
