package dev.goldcopy.sim;

import org.jspecify.annotations.Nullable;

/** The data movement of one physical copy in progress, shared out by {@link CopyBandwidth}. */
final class PhysicalCopy {
  final SimContainer target;
  final SimContainer source;
  /** True if the copy stops when these bytes are moved and leaves the target failed. */
  final boolean incomplete;
  double remainingBytes;
  double bytesPerSecond;
  long updatedAt;
  /** The event that finishes the copy at its current rate. */
  EventLoop.@Nullable Event completion;

  PhysicalCopy(
      SimContainer target, SimContainer source, double bytesToMove, boolean incomplete, long now) {
    this.target = target;
    this.source = source;
    this.remainingBytes = bytesToMove;
    this.incomplete = incomplete;
    this.updatedAt = now;
  }
}
