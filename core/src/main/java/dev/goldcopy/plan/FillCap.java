package dev.goldcopy.plan;

/**
 * The policy's fill cap applied to the array's per-source limit: {@code floor(limit x percent /
 * 100)}, at least 1; no cap on an array without a limit.
 */
final class FillCap {
  private FillCap() {}

  /** The per-source limit masters are held to; 0 (none) only if the array has none. */
  static int apply(int arrayLimit, int percent) {
    if (arrayLimit == 0 || percent >= PlanningPolicy.NO_FILL_CAP) {
      return arrayLimit;
    }
    return (int) Math.max(1, (long) arrayLimit * percent / 100);
  }

  /** Whether the cap rounds to 0 and is raised to 1. */
  static boolean raised(int arrayLimit, int percent) {
    return arrayLimit > 0 && percent < PlanningPolicy.NO_FILL_CAP
        && (long) arrayLimit * percent / 100 == 0;
  }

  /**
   * Names the hard limit for the sizing note: the array's, or the fill cap below it; with its
   * number when {@code L} is the policy's ratio rather than this limit.
   */
  static String describe(int hard, int arrayLimit, boolean isL) {
    if (arrayLimit == 0) {
      return "array limit none";
    }
    if (hard == arrayLimit) {
      return isL ? "array per-source limit" : "array limit " + arrayLimit;
    }
    return (isL ? "" : "hard limit " + hard + ": ") + "fill cap " + hard + " of the array's "
        + arrayLimit;
  }
}
