package dev.goldcopy.sim;

import org.jspecify.annotations.Nullable;

/** The data movement of one physical copy in progress, shared out by {@link CopyBandwidth}. */
final class PhysicalCopy extends IndexedHeap.Node {
  final SimContainer target;
  final SimContainer source;
  /** True if the copy stops when these bytes are moved and leaves the target failed. */
  final boolean incomplete;
  /** The bytes the copy moves in all. */
  final double bytes;
  /** The order copies started in; ties finish in this order. */
  long sequence;
  /** The reading of its source's work clock at which the copy has moved all its bytes. */
  double finishWork;
  /** The source's share it moves in while in progress; null before it starts and once it ends. */
  @Nullable SourceShare share;

  PhysicalCopy(SimContainer target, SimContainer source, double bytes, boolean incomplete) {
    this.target = target;
    this.source = source;
    this.bytes = bytes;
    this.incomplete = incomplete;
  }
}
