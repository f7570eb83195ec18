package dev.goldcopy.plan;

/**
 * What a plan does to the store's free capacity, charged as the array declares its copy costs
 * ({@link dev.goldcopy.spi.ArrayCapabilities#copyCosts()}) plus the policy's expected clone growth.
 * An array that reserves what it declares (the simulator does) ends a run of the plan with {@link
 * #freeAfter()} bytes free.
 *
 * @param freeBefore the free capacity the plan started from
 * @param reservedBytes what the plan's replicas and clones take
 * @param releasedBytes what the plan's deletions give back
 */
public record CapacityPreview(long freeBefore, long reservedBytes, long releasedBytes) {

  /** The preview of a plan assembled by hand, which knows no capacity. */
  public static final CapacityPreview UNKNOWN = new CapacityPreview(0, 0, 0);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if a value is negative
   */
  public CapacityPreview {
    nonNegative("freeBefore", freeBefore);
    nonNegative("reservedBytes", reservedBytes);
    nonNegative("releasedBytes", releasedBytes);
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }

  /**
   * Returns the free capacity once the plan is carried out.
   *
   * @return {@code freeBefore - reservedBytes + releasedBytes}, saturating at {@link
   *     Long#MAX_VALUE} (a store reporting unbounded capacity stays unbounded)
   */
  public long freeAfter() {
    if (freeBefore == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long afterReserving = freeBefore - reservedBytes;
    return afterReserving >= 0 && releasedBytes > Long.MAX_VALUE - afterReserving
        ? Long.MAX_VALUE
        : afterReserving + releasedBytes;
  }
}
