package dev.goldcopy.spi;

/**
 * What a new copy costs in capacity on this array, so that a planner reserves what the array will
 * spend and no more. A thick array spends the source's whole size on a physical copy; a thin one
 * spends what the source has written; a deduplicating one almost nothing. A virtual copy starts with
 * a small fixed cost (metadata, a first redo log or copy-on-write area) and grows with the writes of
 * the machine that uses it, which the caller estimates.
 *
 * @param physicalCopyPercent the share of the source's logical size a physical copy takes when it
 *     is made, 0 to 100: 100 for thick provisioning, about the source's fill for thin, 0 for
 *     deduplicated
 * @param virtualCopyBytes the capacity a new virtual copy takes when it is made
 */
public record CopyCosts(int physicalCopyPercent, long virtualCopyBytes) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field if a value is out of range
   */
  public CopyCosts {
    if (physicalCopyPercent < 0 || physicalCopyPercent > 100) {
      throw new IllegalArgumentException(
          "physicalCopyPercent must be 0 to 100: " + physicalCopyPercent);
    }
    if (virtualCopyBytes < 0) {
      throw new IllegalArgumentException("virtualCopyBytes must not be negative: " + virtualCopyBytes);
    }
  }

  /**
   * Returns thick provisioning: a physical copy costs the source's size.
   *
   * @param virtualCopyBytes what a new virtual copy costs
   * @return the costs
   */
  public static CopyCosts thick(long virtualCopyBytes) {
    return new CopyCosts(100, virtualCopyBytes);
  }

  /**
   * Returns thin provisioning: a physical copy costs the share of the source that is written.
   *
   * @param fillPercent the written share of a source, 0 to 100
   * @param virtualCopyBytes what a new virtual copy costs
   * @return the costs
   */
  public static CopyCosts thin(int fillPercent, long virtualCopyBytes) {
    return new CopyCosts(fillPercent, virtualCopyBytes);
  }

  /**
   * Returns deduplicated storage: a physical copy of an existing image costs nothing new.
   *
   * @param virtualCopyBytes what a new virtual copy costs
   * @return the costs
   */
  public static CopyCosts deduplicated(long virtualCopyBytes) {
    return new CopyCosts(0, virtualCopyBytes);
  }

  /**
   * Returns what a physical copy of a source of {@code sourceSizeBytes} costs, rounded up.
   *
   * @param sourceSizeBytes the source's logical size
   * @return bytes
   * @throws IllegalArgumentException if the size is negative
   */
  public long physicalCopyBytes(long sourceSizeBytes) {
    if (sourceSizeBytes < 0) {
      throw new IllegalArgumentException("sourceSizeBytes must not be negative: " + sourceSizeBytes);
    }
    if (physicalCopyPercent == 100) {
      return sourceSizeBytes;
    }
    // size * p / 100, rounded up, without overflow for sizes near Long.MAX_VALUE
    long whole = sourceSizeBytes / 100 * physicalCopyPercent;
    long rest = (sourceSizeBytes % 100 * physicalCopyPercent + 99) / 100;
    return whole + rest;
  }
}
