package dev.goldcopy.plan;

/** Saturating arithmetic for the sizing: counts that may be unbounded never overflow. */
final class PlanMath {
  /** A count with no limit; sums and products saturate at it. */
  static final long UNBOUNDED = SlotLedger.UNBOUNDED;

  private PlanMath() {}

  /** {@code ceil(a / b)} for {@code a >= 0} and {@code b > 0}. */
  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** {@code v}, or {@link #UNBOUNDED} if it is more. */
  static long sat(long v) {
    return Math.min(UNBOUNDED, v);
  }

  /** The slots of {@code masters} masters with {@code perMaster} each, saturating. */
  static long slots(long masters, long perMaster) {
    if (masters == 0) {
      return 0;
    }
    return perMaster >= UNBOUNDED / masters ? UNBOUNDED : masters * perMaster;
  }

  /** {@code a * b} for non-negative values, {@link Long#MAX_VALUE} if it overflows. */
  static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }
}
